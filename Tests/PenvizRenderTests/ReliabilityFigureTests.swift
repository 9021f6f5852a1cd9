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
        let bars = Self.rectangles(panel).filter { $0.fill?.red == Palette.okabeIto[0].red }
        #expect(bars.count == 2)
        #expect(bars.map(\.x) == [0.25...0.5, 0.75...1])
        #expect(bars.map(\.y.lowerBound) == [0, 0])
        #expect(abs(bars[0].y.upperBound - 0.5) < 1e-15 && abs(bars[1].y.upperBound - 2.0 / 3) < 1e-15)
    }

    @Test("the gap runs from the accuracy to the mean confidence, shaded and outlined, and is hatched inside")
    func gaps() throws {
        let panel = ReliabilityFigure.diagramPanel(.init(title: "t", reliability: Self.reliability))
        let gaps = Self.rectangles(panel).filter { $0.fill?.red != Palette.okabeIto[0].red }
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
        let shaded = Self.rectangles(panel).filter { $0.fill != nil && $0.fill?.red != Palette.okabeIto[0].red }
        // Bin (0.25, 0.5]: accuracy 0.5 above confidence 0.325; bin (0.75, 1]: accuracy 2/3 below 0.9.
        #expect(shaded.map(\.fill) == [Color(grey: 1, alpha: 0.55), Palette.okabeIto.contrast.withAlpha(0.18)])
    }

    @Test("the dashed diagonal, the axes fixed at 0–1 with free aspect, no notes in the plot, MCE on the bin of the largest gap")
    func frame() {
        let panel = ReliabilityFigure.diagramPanel(.init(title: "t", reliability: Self.reliability, notes: ["ECE 0.1", "MCE 0.2"]))
        let diagonal = panel.marks.contains { mark in
            if case .path(let path) = mark { return path.points == [Point(x: 0, y: 0), Point(x: 1, y: 1)] && path.stroke?.dash.isEmpty == false }
            return false
        }
        #expect(diagonal)
        #expect(panel.xLimits == 0...1 && panel.yLimits == 0...1 && panel.aspect == .free)
        #expect(panel.title == "t" && panel.yLabel == "accuracy")
        // Gaps: (0.25, 0.5] accuracy 1/2 against confidence 0.325 (0.175); (0.75, 1] accuracy 2/3 against 0.9 (0.233):
        // the MCE is the second, whose gap reaches 0.9, so the label sits inside its top.
        let texts = panel.marks.compactMap { mark -> TextMark? in
            if case .text(let text) = mark { return text }
            return nil
        }
        #expect(texts.map(\.text) == ["MCE"])
        #expect(texts.first?.position == .data(Point(x: 0.875, y: 0.9 - 0.015)))
    }

    @Test("the histogram: a bar per non-empty bin, its share of the examples in percent, its count, the caption")
    func histogram() {
        let panel = ReliabilityFigure.histogramPanel(Self.reliability, caption: "ECE 0.1 · MCE 0.2")
        let bars = Self.rectangles(panel)
        #expect(bars.map(\.x) == [0.25...0.5, 0.75...1])
        #expect(bars.map(\.y.upperBound) == [40, 60])
        #expect(panel.xLimits == 0...1 && panel.yLimits == 0...100 && panel.xLabel == "confidence")
        #expect(panel.caption == "ECE 0.1 · MCE 0.2")
        let counts = panel.marks.compactMap { mark -> TextMark? in
            if case .text(let text) = mark { return text }
            return nil
        }
        #expect(counts.map(\.text) == ["2", "3"])
        #expect(counts.map(\.position) == [.data(Point(x: 0.375, y: 43)), .data(Point(x: 0.875, y: 63))])
    }

    @Test("a bin of under 1 % of the examples is drawn pale")
    func sparseBins() {
        // 199 examples at confidence 0.9, all correct, and one at 0.3, wrong: its bin holds 0.5 %.
        let reliability = ReliabilityDiagram(
            confidences: [0.3] + Array(repeating: 0.9, count: 199), correct: [false] + Array(repeating: true, count: 199), binCount: 4)
        let panel = ReliabilityFigure.diagramPanel(.init(title: "t", reliability: reliability))
        // The accuracy bars, told by their colour: the sparse bin's (height 0) pale, the full bin's not.
        let bars = Self.rectangles(panel).filter { $0.fill?.withAlpha(1) == Palette.okabeIto[0] }
        #expect(bars.map(\.x) == [0.25...0.5, 0.75...1])
        #expect(bars.map { $0.fill?.alpha } == [0.3, 0.85])
        // The pale bin's outline is faint; the full bin's is not.
        let outlines = panel.marks.compactMap { mark -> Color? in
            guard case .path(let path) = mark, path.fill == nil, path.points.count == 4 else { return nil }
            return path.stroke?.color
        }
        #expect(outlines.contains(Palette.okabeIto.contrast.withAlpha(0.45)) && outlines.contains(Palette.okabeIto.contrast))
    }

    @Test("counts are written in at most four characters")
    func shortCounts() {
        #expect([7, 912, 7645, 12_345, 76_000, 1_234_567].map(ReliabilityFigure.shortCount) == ["7", "912", "7.6k", "12k", "76k", "1.2M"])
    }

    @Test("the figure: each row of diagrams over a shorter row of histograms, the legend beside the first, axes labelled once")
    func figure() {
        let diagram = ReliabilityFigure.Diagram(title: "t", reliability: Self.reliability)
        let figure = ReliabilityFigure(rows: [[diagram, diagram], [diagram, diagram]]).figure(options: FigureOptions())
        #expect(figure.rows.count == 4 && figure.columnCount == 2)
        #expect(figure.rows.map(\.heightWeight) == [1, 0.4, 1, 0.4])
        #expect(figure.rows.map { $0.legend != nil } == [true, false, false, false])
        // The diagonal's key is dashed as the diagonal is.
        #expect(figure.rows[0].legend?.entries.last.map { $0.label == "perfect calibration" && $0.symbol == .line(dash: [3, 2]) } == true)
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
