import CCairo
import Foundation
import Testing
@testable import PenvizRender

@Suite struct PNGOutputTests {
    /// One opaque point of class 1 at data (0.3, 0.2), fixed limits, no grid.
    private func isolatedPoint(transparent: Bool = false) -> Figure {
        let panel = Panel(classes: TestFigures.classes,
                          marks: [.scatter(Scatter(x: [0.3], y: [0.2], classIndex: [1]))],
                          aspect: .free, xLimits: 0...1, yLimits: 0...1)
        return Figure(rows: [.init(panels: [panel])],
                      options: FigureOptions(width: 200, height: 160, scale: 2, pointSize: 6, pointAlpha: 1,
                                             transparent: transparent, grid: false))
    }

    /// The ARGB pixels of the PNG at `path`, read back through Cairo.
    private func pixels(of path: String) throws -> (width: Int, height: Int, argb: (Int, Int) -> UInt32) {
        let surface = try #require(cairo_image_surface_create_from_png(path))
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let data = UnsafeRawPointer(cairo_image_surface_get_data(surface)!).bindMemory(to: UInt32.self, capacity: stride * height)
        let copy = Array(UnsafeBufferPointer(start: data, count: stride * height))
        cairo_surface_destroy(surface)
        return (width, height, { x, y in copy[y * stride + x] })
    }

    @Test func anIsolatedPointHasItsClassColourAndEmptyAreasTheBackground() throws {
        let folder = try TestFigures.scratchFolder()
        let path = folder.appendingPathComponent("point.png").path
        let figure = isolatedPoint()
        try Data(figure.encoded(as: .png)).write(to: URL(fileURLWithPath: path))
        let image = try pixels(of: path)
        #expect(image.width == 400 && image.height == 320)

        let transform = try figure.layout().panels[0].transform
        let point = transform.page(x: 0.3, y: 0.2)
        // Class 1 is Okabe–Ito orange, #E69F00, drawn opaque.
        #expect(image.argb(Int(point.x * 2), Int(point.y * 2)) == 0xFFE6_9F00)
        // Far from the point, inside the plot area: white.
        let empty = transform.page(x: 0.8, y: 0.8)
        #expect(image.argb(Int(empty.x * 2), Int(empty.y * 2)) == 0xFFFF_FFFF)
        // The page corner is background too.
        #expect(image.argb(0, 0) == 0xFFFF_FFFF)
    }

    @Test func aTransparentBackgroundLeavesEmptyPixelsClear() throws {
        let folder = try TestFigures.scratchFolder()
        let path = folder.appendingPathComponent("clear.png").path
        let figure = isolatedPoint(transparent: true)
        try Data(figure.encoded(as: .png)).write(to: URL(fileURLWithPath: path))
        let image = try pixels(of: path)
        let point = try figure.layout().panels[0].transform.page(x: 0.3, y: 0.2)
        #expect(image.argb(0, 0) == 0)
        #expect(image.argb(Int(point.x * 2), Int(point.y * 2)) == 0xFFE6_9F00)
    }

    @Test func textIsDrawn() throws {
        // The title's box must hold dark pixels: the font was found and drawn.
        let figure = TestFigures.scatter(perClass: 1)
        let bytes = try figure.encoded(as: .png)
        let folder = try TestFigures.scratchFolder()
        let path = folder.appendingPathComponent("text.png").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let image = try pixels(of: path)
        let title = try #require(try figure.layout().title)
        let scale = figure.options.scale
        var darkest: UInt32 = 255
        for y in Int(title.bounds.minY * scale)..<Int(title.bounds.maxY * scale) {
            for x in Int(title.bounds.minX * scale)..<Int(title.bounds.maxX * scale) {
                darkest = min(darkest, (image.argb(x, y) >> 8) & 0xFF)
            }
        }
        #expect(darkest < 64)
    }
}
