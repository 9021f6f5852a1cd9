import Foundation
import PenvizAnalysis
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizRender

/// ``SweepFigure``: measures against α in small panels, from hand-made series and documents.
@Suite("SweepFigure")
struct SweepFigureTests {
    /// The polylines and marker scatters of a panel.
    static func lines(_ panel: Panel) -> [PathMark] {
        panel.marks.compactMap { if case .path(let path) = $0 { path } else { nil } }
    }

    static func markers(_ panel: Panel) -> [Scatter] {
        panel.marks.compactMap { if case .scatter(let scatter) = $0 { scatter } else { nil } }
    }

    @Test("a series is a line through its points in α order with a marker each; a reference is dashed, without markers")
    func series() {
        let figure = SweepFigure(charts: [
            .init(title: "gap", series: [
                .init(label: "measured", points: [(0.2, 3.5), (0, 15), (0.1, 4.3)]),
                .init(label: "ls_gap(α)", points: [(0.1, 4.5), (0.2, 3.7)], isReference: true),
            ]),
        ]).figure(options: FigureOptions(width: 400, height: 300))
        let panel = figure.rows[0].panels[0]
        let lines = Self.lines(panel)
        #expect(lines[0].points == [Point(x: 0, y: 15), Point(x: 0.1, y: 4.3), Point(x: 0.2, y: 3.5)])
        #expect(lines[0].stroke?.dash == [] && lines[1].stroke?.dash == [3, 2])
        #expect(Self.markers(panel).count == 1 && Self.markers(panel)[0].x == [0, 0.1, 0.2])
        #expect(panel.xAxisScale == .linear && panel.xLabel == "label smoothing α")
        #expect(figure.rows[0].legend?.entries.map(\.label) == ["measured", "ls_gap(α)"])
        // The legend's keys are dashed as their curves are.
        #expect(figure.rows[0].legend?.entries.map(\.symbol) == [.line(dash: []), .line(dash: [3, 2])])
    }

    @Test("panels a row: all up to five, then rows as full as four, five or three allow")
    func columns() {
        // count: 1…5 in one row; 6 = 3 + 3, 7 = 4 + 3, 8 = 4 + 4, 9 = 3 × 3, 10 = 5 + 5, 11 = 4 + 4 + 3,
        // 12 = 4 × 3, 13 = 5 + 5 + 3 (not 4 + 4 + 4 + 1), 14 = 5 + 5 + 4.
        #expect((1...14).map(SweepFigure.columns(for:)) == [1, 2, 3, 4, 5, 3, 4, 4, 3, 5, 4, 4, 5, 5])
    }

    @Test("a label keeps one colour in every panel, the palette's in order of first appearance")
    func colours() {
        let figure = SweepFigure(charts: [
            .init(title: "a", series: [.init(label: "x", points: [(0, 1), (1, 2)]), .init(label: "y", points: [(0, 2), (1, 1)])]),
            .init(title: "b", series: [.init(label: "y", points: [(0, 3), (1, 4)])]),
        ]).figure(options: FigureOptions(width: 500, height: 300, palette: .tolBright))
        let panels = figure.rows[0].panels
        #expect(Self.lines(panels[0]).map(\.stroke?.color) == [Palette.tolBright[0], Palette.tolBright[1]])
        #expect(Self.lines(panels[1]).map(\.stroke?.color) == [Palette.tolBright[1]])
    }

    @Test("α spanning a decade or more, all positive, is drawn on a log axis whose ticks read as powers of ten")
    func logarithmic() throws {
        #expect(SweepFigure.isLogarithmic([0.01, 0.05, 0.1]) && !SweepFigure.isLogarithmic([0.05, 0.1, 0.2]))
        #expect(!SweepFigure.isLogarithmic([0, 0.01, 0.3]))
        let figure = SweepFigure(charts: [.init(title: "t", series: [.init(label: "m", points: [(0.001, 1), (0.01, 2), (0.1, 3)])])])
            .figure(options: FigureOptions(width: 300, height: 300))
        let panel = figure.rows[0].panels[0]
        #expect(panel.xAxisScale == .logarithmic)
        let xs = Self.lines(panel)[0].points.map(\.x)
        #expect(zip(xs, [-3.0, -2, -1]).allSatisfy { abs($0 - $1) < 1e-12 })
        let layout = FigureLayout(figure, metrics: ApproximateFontMetrics())
        #expect(layout.panels[0].xTicks.labels == ["0.001", "0.01", "0.1"])
    }

    @Test("a sweep needs three distinct known α")
    func isSweep() {
        #expect(SweepFigure.isSweep([0, 0.1, 0.2]) && SweepFigure.isSweep([0, nil, 0.1, 0.2]))
        #expect(!SweepFigure.isSweep([0, 0.1, 0.1]) && !SweepFigure.isSweep([0, nil, 0.1]))
    }

    @Test("ls_gap(α) starts where it equals the largest measured gap and ends at the largest α")
    func lsGapCurve() throws {
        // K = 10: ls_gap(0.2) = ln((0.8·10 + 0.2)/0.2) = ln 41 = 3.7136; it equals 15 at α = 10/(e¹⁵ + 9) = 3.059e-6.
        let curve = try #require(SweepFigure.lsGapCurve(classes: 10, alphas: [0, 0.1, 0.2], highest: 15))
        #expect(curve.count == 64)
        #expect(abs(curve[0].alpha - 10 / (exp(15) + 9)) < 1e-18 && abs(curve[0].value - 15) < 1e-9)
        #expect(abs(curve[63].alpha - 0.2) < 1e-15 && abs(curve[63].value - log(41)) < 1e-12)
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0.alpha < $1.alpha && $0.value > $1.value })
        #expect(SweepFigure.lsGapCurve(classes: 10, alphas: [0, 0], highest: 15) == nil)
    }

    @Test("the comparison's charts: each run's value at its α, runs of unknown α left out")
    func comparisonCharts() {
        // SampleMetrics: hard (α unknown) and smoothed (α = 0.1) on val.
        let charts = SweepFigure.charts(comparison: SampleMetrics.comparison, split: "val")
        #expect(charts.map(\.title) == ["tightness (val)", "cluster_ratio (val)", "distance_cv (val)", "incorrect_spread (val)", "logit gap (val)"])
        #expect(charts[1].series[0].points.map(\.alpha) == [0.1] && charts[1].series[0].points.map(\.value) == [0.4427])
        #expect(charts[4].series[0].points.map(\.value) == [4.307])
        #expect(charts[0].series.map(\.label) == ["similar: T-shirt/top · Pullover · Shirt"])
    }
}
