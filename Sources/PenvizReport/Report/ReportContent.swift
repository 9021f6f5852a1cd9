import PenvizAnalysis
import PenvizCore

/// Everything `penviz report` writes, measured and drawn once: the numbers
/// (``metrics``, the JSON), the figures, and the document that presents them.
///
/// Built from the work of `compare`, `calibrate` and `erasure` on the same runs,
/// which it reuses as they are: the same metrics, the same figure builders.
///
/// ```swift
/// let content = ReportContent(
///     comparison: comparison, splits: try comparison.splitSummaries(), calibrations: calibrations,
///     settings: CalibrationSettings(), erasure: .skipped("…"))
/// try ReportFiles.write(content, to: "report", embed: .svg)
/// ```
public struct ReportContent: Sendable {
    /// Every number of the report.
    public let metrics: ReportMetrics
    /// The figures, in the order the document shows them.
    public let figures: [ReportFigure]
    /// What the report says.
    public let document: ReportDocument

    /// The report of `comparison` (the runs, their template planes and metrics),
    /// `splits`, every split of each run (``Comparison/splitSummaries()``), the runs'
    /// `calibrations` made with `settings`, and `erasure`.
    public init(
        comparison: Comparison, splits: [[SplitSummary]], calibrations: [RunCalibration], settings: CalibrationSettings,
        erasure: ReportErasure, look: ReportLook = ReportLook(), title: String? = nil
    ) {
        precondition(calibrations.count == comparison.runs.count, "ReportContent: a calibration per run")
        precondition(splits.count == comparison.runs.count, "ReportContent: the splits of every run")
        var figures = [ReportFigure.comparison(comparison, look: look), ReportFigure.reliability(calibrations, look: look)]
        let erasureReport: ErasureReport?, erasureNote: String?
        switch erasure {
        case .measured(let runs, let classNames):
            erasureReport = ErasureReport(runs: runs, classNames: classNames)
            erasureNote = nil
            figures.append(ReportFigure.erasure(runs, classNames: classNames, look: look))
        case .skipped(let reason):
            erasureReport = nil
            erasureNote = reason
        }
        metrics = ReportMetrics(
            runs: zip(comparison.runs, splits).map { ReportMetrics.RunSplits(label: $0.label, splits: $1) },
            comparison: comparison.metrics,
            calibration: CalibrationReport(settings: settings, runs: calibrations), erasure: erasureReport,
            erasureNote: erasureNote, figureStyle: look.style)
        figures.append(ReportFigure.collapse(comparison.metrics, look: look))
        if metrics.hasSweep { figures.append(ReportFigure.sweep(metrics, look: look)) }
        document = ReportDocument(metrics: metrics, title: title)
        self.figures = figures
        assert(document.figures.map(\.name) == figures.map(\.name), "ReportContent: the document and the figures disagree")
    }
}
