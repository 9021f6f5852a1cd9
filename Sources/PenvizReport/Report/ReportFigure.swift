import PenvizAnalysis
import PenvizCore
import PenvizRender

/// One figure of the report, built by the builders of `penviz compare`,
/// `penviz calibrate` and `penviz erasure` and laid out at the report's common
/// page width (``ReportLook/width``), so every figure has the same scale and fonts.
public struct ReportFigure: Sendable {
    /// Which figure this is; its raw value names the files, `figures/compare.svg`.
    public enum Kind: String, Sendable, CaseIterable {
        /// The paper's Figure 1 for the runs (``ComparisonGrid``).
        case comparison = "compare"
        /// Reliability diagrams before and after temperature scaling (``ReliabilityFigure``).
        case reliability
        /// Information erasure (``ErasureFigure``).
        case erasure
        /// Neural collapse: bars, or curves against α for a sweep (``CollapseFigure``).
        case collapse
        /// The measures against α, when three or more runs have distinct α (``SweepFigure``).
        case sweep
    }

    /// Which figure this is.
    public var kind: Kind
    /// The figure.
    public var figure: Figure

    /// The name of its files.
    public var name: String { kind.rawValue }

    /// The template-plane grid: a row per triplet, a column per run and split,
    /// each panel about as tall as it is wide.
    ///
    /// At the report's width a row is about 190 points tall, shorter than a
    /// label such as `similar: T-shirt/top · Pullover · Sneaker` set vertically,
    /// so rows are labelled by how their triplet was chosen (the legend beside
    /// each row names its classes, and why an automatic one was chosen); a given
    /// triplet keeps its class names when they fit.
    static func comparison(_ comparison: Comparison, look: ReportLook) -> ReportFigure {
        var grid = ComparisonGrid(comparison, panels: PlanePanels(perClass: look.perClass, seed: look.seed, axisLabels: look.axisLabels))
        for (index, triplet) in comparison.metrics.triplets.enumerated() {
            let names = triplet.names.joined(separator: " · ")
            switch triplet.kind {
            case .given: grid.rows[index].label = names.count <= 30 ? names : "given triplet"
            case .similar, .mixed, .different: grid.rows[index].label = triplet.kind.rawValue
            case .closest: grid.rows[index].label = "closest templates"
            case .farthest: grid.rows[index].label = "farthest templates"
            }
        }
        // Row labels and legends take about 130 points of the width (as in `penviz compare`'s default page).
        let cell = (look.width - 130) / Double(grid.columns.count)
        let height = Double(grid.rows.count) * (cell + 42) + 30
        return ReportFigure(kind: .comparison, figure: grid.figure(options: look.options(height: height)))
    }

    /// The reliability diagrams: a row per run, before temperature scaling on
    /// the left and after it on the right, each over its histogram.
    static func reliability(_ runs: [RunCalibration], look: ReportLook) -> ReportFigure {
        let diagrams = runs.map(\.diagrams)
        let page = ReliabilityFigure.pageSize(columns: 2, rows: runs.count)
        let figure = ReliabilityFigure(rows: diagrams.map { [$0.before, $0.after] })
            .figure(options: look.options(height: page.height * look.width / page.width))
        return ReportFigure(kind: .reliability, figure: figure)
    }

    /// The erasure strokes: a panel per run on one shared scale.
    static func erasure(_ runs: [RunErasure], classNames: [String], look: ReportLook) -> ReportFigure {
        let page = ErasureFigure.pageSize(columns: runs.count)
        let figure = ErasureFigure(runs: runs, classNames: classNames)
            .figure(options: look.options(height: page.height * look.width / page.width))
        return ReportFigure(kind: .erasure, figure: figure)
    }

    /// The neural-collapse statistics of the compared runs: a bar a run, or curves against α for a sweep.
    static func collapse(_ metrics: ComparisonMetrics, look: ReportLook) -> ReportFigure {
        let figure = CollapseFigure.figure(of: metrics.collapseEntries) { page in look.options(height: page.height * look.width / page.width) }
        return ReportFigure(kind: .collapse, figure: figure)
    }

    /// The measures of `metrics` against α: the geometry on the held-out split, calibration, and Î when measured
    /// (the neural-collapse curves are the collapse figure's).
    static func sweep(_ metrics: ReportMetrics, look: ReportLook) -> ReportFigure {
        let charts = ReportFigure.sweepCharts(metrics)
        let page = SweepFigure.pageSize(charts: charts.count)
        let figure = SweepFigure(charts: charts).figure(options: look.options(height: page.height * look.width / page.width))
        return ReportFigure(kind: .sweep, figure: figure)
    }

    /// The charts of the sweep figure, in order.
    static func sweepCharts(_ metrics: ReportMetrics) -> [SweepFigure.Chart] {
        let split = ReportDocument.heldOutSplit(metrics.comparison.runs[0].splits.map(\.name))
        return SweepFigure.charts(comparison: metrics.comparison, split: split) + SweepFigure.charts(calibration: metrics.calibration)
            + (metrics.erasure.map { SweepFigure.charts(erasure: $0) } ?? [])
    }
}
