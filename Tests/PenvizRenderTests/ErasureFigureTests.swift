import PenvizCore
import Testing

@testable import PenvizRender

/// The scene of an erasure figure: a stroke per example at its mean, spanning its passes.
@Suite("ErasureFigure")
struct ErasureFigureTests {
    static let classes = ClassStyle.slots(["cat", "dog"])
    /// Three examples, L = 3: means 1, −2 and 4; smallest to largest 0…3, −3…−1, 4…4.
    static let f = Matrix([[0, 3, 0], [-1, -3, -2], [4, 4, 4]])

    static func segments(_ panel: Panel) -> [Segments] {
        panel.marks.compactMap { mark in
            if case .segments(let segments) = mark { return segments }
            return nil
        }
    }

    @Test("unlabelled: one grey stroke per example at x = μ from its smallest to its largest difference")
    func strokes() {
        let figure = ErasureFigure(classNames: ["cat", "dog"], axisNames: ("cat", "dog"),
                                   columns: [.init(title: "run", differences: Self.f)])
        let panel = figure.panel(figure.columns[0], classes: Self.classes, diagonal: -3...4, yLabel: nil)
        let strokes = Self.segments(panel)
        #expect(strokes.count == 1)
        #expect(strokes[0].starts == [Point(x: 1, y: 0), Point(x: -2, y: -3), Point(x: 4, y: 4)])
        #expect(strokes[0].ends == [Point(x: 1, y: 3), Point(x: -2, y: -1), Point(x: 4, y: 4)])
        #expect(strokes[0].stroke.color.red == ErasureFigure.unlabelledColor.red)
        #expect(panel.marks.contains { mark in
            if case .path(let path) = mark { return path.points == [Point(x: -3, y: -3), Point(x: 4, y: 4)] }
            return false
        })
        #expect(panel.aspect == .equal && panel.xLabel == "mean over passes μ")
    }

    @Test("labelled: the strokes of each class in its colour, N in all")
    func classes() {
        let figure = ErasureFigure(classNames: ["cat", "dog"], axisNames: ("cat", "dog"),
                                   columns: [.init(title: "run", differences: Self.f, classIndex: [1, 0, 1])])
        let strokes = Self.segments(figure.panel(figure.columns[0], classes: Self.classes, diagonal: -3...4, yLabel: nil))
        #expect(strokes.map(\.starts.count) == [1, 2])
        #expect(strokes.map { $0.stroke.color.withAlpha(1) } == Self.classes.map(\.color))
        #expect(strokes[0].starts == [Point(x: -2, y: -3)])
    }

    @Test("the figure: a panel per run with N strokes each, shared equal axes, the diagonal over all values, a legend when labelled")
    func figure() {
        let wide = Matrix([[-10, 10], [0, 1]])
        let figure = ErasureFigure(
            classNames: ["cat", "dog"], axisNames: ("cat", "dog"),
            columns: [.init(title: "hard", caption: "σ² = 1", differences: wide, classIndex: [0, 1]),
                      .init(title: "smoothed", differences: Self.f, classIndex: [0, 1, 1])]
        ).figure(options: FigureOptions(width: 500, height: 300))
        #expect(figure.rows.count == 1 && figure.options.axes == .shared)
        let panels = figure.rows[0].panels
        #expect(panels.map { Self.segments($0).reduce(0) { $0 + $1.starts.count } } == [2, 3])
        #expect(panels.map(\.title) == ["hard", "smoothed"] && panels[0].caption == "σ² = 1")
        #expect(panels.map(\.yLabel) == ["z(cat) − z(dog), each pass", nil])
        for panel in panels {
            #expect(panel.marks.contains { mark in
                if case .path(let path) = mark { return path.points == [Point(x: -10, y: -10), Point(x: 10, y: 10)] }
                return false
            })
        }
        #expect(figure.rows[0].legend?.entries.map(\.label) == ["cat", "dog"])
        let layout = FigureLayout(figure, metrics: ApproximateFontMetrics())
        #expect(layout.panels[0].transform.xScale == layout.panels[1].transform.xScale)
        #expect(abs(layout.panels[0].transform.xScale - layout.panels[0].transform.yScale) < 1e-9)
    }
}
