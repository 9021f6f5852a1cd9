import Foundation
import Testing
@testable import PenvizRender

@Suite struct DensityShadingTests {
    @Test func theDiscKernelHoldsTheDiscsArea() {
        // A disc 4 cells across covers π · 2² = 12.566 cells; sampling is good to 1 %.
        let kernel = DensityShading.discKernel(diameter: 4)
        #expect(kernel.reach == 3)
        #expect(abs(kernel.weights.reduce(0, +) - Double.pi * 4) < 0.13)
        // The centre cell lies wholly inside the disc, the corners wholly outside.
        #expect(kernel.weights[3 * 7 + 3] == 1)
        #expect(kernel.weights[0] == 0)
    }

    @Test func spreadingMovesEachCountOverTheKernel() {
        // One count in the middle of a 3 × 3 grid with a kernel of reach 1.
        let kernel = (reach: 1, weights: [0, 0.5, 0, 0.5, 1, 0.5, 0, 0.5, 0])
        let spread = DensityShading.spread([0, 0, 0, 0, 2, 0, 0, 0, 0], columns: 3, rows: 3, kernel: kernel)
        #expect(spread == [0, 1, 0, 1, 2, 1, 0, 1, 0])
        // At a corner, the part of the kernel off the grid is dropped.
        let corner = DensityShading.spread([1, 0, 0, 0, 0, 0, 0, 0, 0], columns: 3, rows: 3, kernel: kernel)
        #expect(corner == [1, 0.5, 0, 0.5, 0, 0, 0, 0, 0])
    }

    /// A panel of `points` points of class 0 at data (0.5, 0.5) on 0…1 limits.
    private func cellAtPoint(points: Int, alpha: Double) -> (opacity: Double, red: Double) {
        let classes = ClassStyle.slots(["a", "b"])
        let scatter = Scatter(x: Array(repeating: 0.5, count: points), y: Array(repeating: 0.5, count: points),
                              classIndex: Array(repeating: 0, count: points))
        // 40 × 40 points with 4-point markers: 1-point cells, the point in cell (20, 20).
        let transform = DataTransform(limits: AxisLimits(x: 0...1, y: 0...1), frame: Rect(x: 0, y: 0, width: 40, height: 40))
        let image = DensityShading.image(of: scatter, classes: classes, transform: transform, diameter: 4, alpha: alpha)
        #expect(image.width == 40 && image.height == 40)
        let pixel = image.pixels[20 * 40 + 20]
        return (Double(pixel >> 24) / 255, Double((pixel >> 16) & 0xFF) / 255)
    }

    @Test func aCellCoveredByStackedMarkersTakesTheirOpacity() {
        // One marker of opacity 0.5 covers its centre cell once: opacity 0.5.
        #expect(abs(cellAtPoint(points: 1, alpha: 0.5).opacity - 0.5) < 1 / 255.0)
        // Three stacked markers: 1 − 0.5³ = 0.875.
        #expect(abs(cellAtPoint(points: 3, alpha: 0.5).opacity - 0.875) < 1 / 255.0)
        // Opaque markers give the class colour itself: Okabe–Ito blue, red 0.
        let opaque = cellAtPoint(points: 1, alpha: 1)
        #expect(opaque.opacity == 1)
        #expect(opaque.red == 0)
    }

    @Test func scattersAboveTheThresholdAreShadedNotDrawnPointByPoint() throws {
        var figure = TestFigures.scatter(perClass: 100)
        figure.options.densityThreshold = 299
        let svg = String(decoding: try figure.encoded(as: .svg), as: UTF8.self)
        #expect(svg.components(separatedBy: "<image").count == 2)
        #expect(!svg.contains("xlink:href=\"#surface"))
        figure.options.densityThreshold = 300
        let points = String(decoding: try figure.encoded(as: .svg), as: UTF8.self)
        #expect(!points.contains("<image"))
    }

    @Test(arguments: ImageFormat.allCases)
    func densitiesAreByteIdenticalWithinOneProcess(format: ImageFormat) throws {
        var figure = TestFigures.scatter(perClass: 100)
        figure.options.densityThreshold = 10
        let first = try figure.encoded(as: format)
        _ = try TestFigures.scatter(perClass: 3).encoded(as: format)
        #expect(try figure.encoded(as: format) == first)
    }
}
