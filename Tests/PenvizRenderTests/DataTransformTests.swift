import Testing
@testable import PenvizRender

@Suite struct DataTransformTests {
    @Test func limitsCornersLandOnFrameCorners() {
        let transform = DataTransform(limits: AxisLimits(x: -2...6, y: 1...5),
                                      frame: Rect(x: 10, y: 20, width: 160, height: 80))
        // Data y grows upwards, page y downwards.
        #expect(transform.page(x: -2, y: 1) == Point(x: 10, y: 100))
        #expect(transform.page(x: 6, y: 5) == Point(x: 170, y: 20))
        #expect(transform.page(x: 2, y: 3) == Point(x: 90, y: 60))
        #expect(transform.xScale == 20)
        #expect(transform.yScale == 20)
    }

    /// A circle of radius `r` in data units, as points along it.
    private func circle(radius: Double, center: Point) -> [Double: Point] {
        [0: Point(x: center.x + radius, y: center.y), 1: Point(x: center.x, y: center.y + radius),
         2: Point(x: center.x - radius, y: center.y), 3: Point(x: center.x, y: center.y - radius)]
    }

    @Test func equalAspectKeepsCirclesRoundAndDistancesInProportion() {
        // A wide, short page makes the x and y scales differ unless aspect is enforced.
        let points = circle(radius: 2, center: Point(x: 10, y: -3))
        let keys = points.keys.sorted()
        let panel = Panel(marks: [.scatter(Scatter(x: keys.map { points[$0]!.x }, y: keys.map { points[$0]!.y },
                                                    classIndex: keys.map { _ in 0 }))])
        let figure = Figure(rows: [.init(panels: [panel])], options: FigureOptions(width: 500, height: 200))
        let transform = FigureLayout(figure, metrics: ApproximateFontMetrics()).panels[0].transform
        let page = keys.map { transform.page(points[$0]!) }
        let width = page[0].x - page[2].x
        let height = page[3].y - page[1].y
        #expect(abs(width - height) < 1e-9)
        #expect(abs(transform.xScale - transform.yScale) < 1e-12)
        // Data distance 2√2 between neighbouring points of the circle, 4 across it.
        func distance(_ a: Point, _ b: Point) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }
        let ratio = distance(page[0], page[1]) / distance(page[0], page[2])
        #expect(abs(ratio - 2.0.squareRoot() / 2) < 1e-12)
    }
}
