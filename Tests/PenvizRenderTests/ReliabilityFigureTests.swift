import PenvizCore
import Testing

@testable import PenvizRender

/// The scene of a reliability figure, from hand-made bins.
@Suite("ReliabilityFigure")
struct ReliabilityFigureTests {
    /// Five predictions in M = 4 bins: (0.25, 0.5] holds 0.3 (right) and 0.35 (wrong):
    /// accuracy 1/2, confidence 0.325; (0.75, 1] holds 0.8, 0.9 (right) and 1.0
    /// (wrong): accuracy 2/3, confidence 0.9. The other two bins are empty.
    static let reliability = ReliabilityDiagram(
        confidences: [0.3, 0.35, 0.8, 0.9, 1.0], correct: [true, false, true, true, false], binCount: 4)

    /// The filled rectangles of a panel, as (x range, y range, fill).
    static func rectangles(_ panel: Panel) -> [(x: ClosedRange<Double>, y: ClosedRange<Double>, fill: Color?)] {
        panel.marks.compactMap { mark in
            guard case .path(let path) = mark, path.closed, path.points.count == 4 else { return nil }
            let xs = path.points.map(\.x), ys = path.points.map(\.y)
            return (xs.min()!...xs.max()!, ys.min()!...ys.max()!, path.fill)
        }
    }

    @Test("one accuracy bar per non-empty bin, as high as the bin's accuracy, over its bin")
    func accuracyBars() {
        let panel = ReliabilityFigure.diagramPanel(.init(title: "run · test", reliability: Self.reliability))
        let bars = Self.rectangles(panel).filter { $0.fill?.red == ReliabilityFigure.accuracyColor.red }
        #expect(bars.count == 2)
        #expect(bars.map(\.x) == [0.25...0.5, 0.75...1])
        #expect(bars.map(\.y.lowerBound) == [0, 0])
        #expect(abs(bars[0].y.upperBound - 0.5) < 1e-15 && abs(bars[1].y.upperBound - 2.0 / 3) < 1e-15)
    }

    @Test("the gap runs from the accuracy to the mean confidence, shaded and outlined, and is hatched inside")
    func gaps() throws {
        let panel = ReliabilityFigure.diagramPanel(.init(title: "t", reliability: Self.reliability))
        let gaps = Self.rectangles(panel).filter { $0.fill?.red != ReliabilityFigure.accuracyColor.red }
        // A shaded rectangle and an outline per non-empty bin.
        #expect(gaps.count == 4)
        let shaded = gaps.filter { $0.fill != nil }
        #expect(shaded.map(\.x) == [0.25...0.5, 0.75...1])
        #expect(abs(shaded[0].y.lowerBound - 0.325) < 1e-12 && shaded[0].y.upperBound == 0.5)
        #expect(abs(shaded[1].y.lowerBound - 2.0 / 3) < 1e-12 && abs(shaded[1].y.upperBound - 0.9) < 1e-12)
        let hatching = try #require(panel.marks.compactMap { mark -> Segments? in
            if case .segments(let segments) = mark { return segments }
            return nil
        }.first)
        #expect(!hatching.starts.isEmpty)
        for (start, end) in zip(hatching.starts, hatching.ends) {
            // Slope 1, and inside one of the gaps.
            #expect(abs((end.y - start.y) - (end.x - start.x)) < 1e-12)
            #expect(shaded.contains { gap in
                [start, end].allSatisfy { gap.x.contains($0.x) && $0.y >= gap.y.lowerBound - 1e-12 && $0.y <= gap.y.upperBound + 1e-12 }
            })
        }
    }

    @Test("a gap above its bar (over-confident) gets the gap tint; one inside its bar is lightened, not tinted")
    func gapTints() {
        let panel = ReliabilityFigure.diagramPanel(.init(title: "t", reliability: Self.reliability))
        let shaded = Self.rectangles(panel).filter { $0.fill != nil && $0.fill?.red != ReliabilityFigure.accuracyColor.red }
        // Bin (0.25, 0.5]: accuracy 0.5 above confidence 0.325; bin (0.75, 1]: accuracy 2/3 below 0.9.
        #expect(shaded.map(\.fill) == [Color(grey: 1, alpha: 0.55), ReliabilityFigure.gapColor.withAlpha(0.18)])
    }

    @Test("the dashed diagonal, the axes fixed at 0–1 with free aspect, the notes in the plot")
    func frame() {
        let panel = ReliabilityFigure.diagramPanel(.init(title: "t", reliability: Self.reliability, notes: ["ECE 0.1", "MCE 0.2"]))
        let diagonal = panel.marks.contains { mark in
            if case .path(let path) = mark { return path.points == [Point(x: 0, y: 0), Point(x: 1, y: 1)] && path.stroke?.dash.isEmpty == false }
            return false
        }
        #expect(diagonal)
        #expect(panel.xLimits == 0...1 && panel.yLimits == 0...1 && panel.aspect == .free)
        #expect(panel.title == "t" && panel.yLabel == "accuracy")
        let notes = panel.marks.compactMap { mark -> String? in
            if case .text(let text) = mark { return text.text }
            return nil
        }
        #expect(notes == ["ECE 0.1", "MCE 0.2"])
    }

    @Test("the histogram: a bar per non-empty bin, its share of the examples in percent")
    func histogram() {
        let panel = ReliabilityFigure.histogramPanel(Self.reliability)
        let bars = Self.rectangles(panel)
        #expect(bars.map(\.x) == [0.25...0.5, 0.75...1])
        #expect(bars.map(\.y.upperBound) == [40, 60])
        #expect(panel.xLimits == 0...1 && panel.yLimits == 0...100 && panel.xLabel == "confidence")
    }

    @Test("the figure: each row of diagrams over a shorter row of histograms, the legend beside the first, axes labelled once")
    func figure() {
        let diagram = ReliabilityFigure.Diagram(title: "t", reliability: Self.reliability)
        let figure = ReliabilityFigure(rows: [[diagram, diagram], [diagram, diagram]]).figure(options: FigureOptions())
        #expect(figure.rows.count == 4 && figure.columnCount == 2)
        #expect(figure.rows.map(\.heightWeight) == [1, 0.4, 1, 0.4])
        #expect(figure.rows.map { $0.legend != nil } == [true, false, false, false])
        #expect(figure.rows[0].panels.map(\.yLabel) == ["accuracy", nil])
        #expect(figure.rows[1].panels.map(\.yLabel) == ["% of examples", nil])
        #expect(figure.options.axes == .independent)
        let layout = FigureLayout(figure, metrics: ApproximateFontMetrics())
        for panel in layout.panels {
            #expect(panel.transform.limits.x == 0...1)
        }
        #expect(layout.rows[0][0].transform.limits.y == 0...1 && layout.rows[1][0].transform.limits.y == 0...100)
    }
}
