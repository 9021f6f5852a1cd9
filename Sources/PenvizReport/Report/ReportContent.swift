import PenvizAnalysis
import PenvizCore

/// Everything `penviz report` writes, measured and drawn once: the numbers
/// (``metrics``, the JSON), the figures, and the document that presents them.
///
/// Built from the work of `compare`, `calibrate` and `erasure` on the same runs,
/// which it reuses as they are: the same metrics, the same figure builders.
///
/// ```swift
/// let content = try ReportContent(
///     comparison: comparison, calibrations: calibrations, settings: CalibrationSettings(), erasure: .skipped("…"))
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
    /// the runs' `calibrations` made with `settings`, and `erasure`.
    ///
    /// - Throws: ``PenvizError`` (input) naming the run and split when a split has no examples.
    public init(
        comparison: Comparison, calibrations: [RunCalibration], settings: CalibrationSettings, erasure: ReportErasure,
        look: ReportLook = ReportLook(), title: String? = nil
    ) throws {
        precondition(calibrations.count == comparison.runs.count, "ReportContent: a calibration per run")
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
            runs: try zip(comparison.runs, comparison.metrics.runs).map { compared, measured in
                ReportMetrics.RunSplits(label: compared.label, splits: try SplitSummary.all(of: compared.run, measured: measured.splits))
            },
            comparison: comparison.metrics,
            calibration: CalibrationReport(settings: settings, runs: calibrations), erasure: erasureReport,
            erasureNote: erasureNote)
        document = ReportDocument(metrics: metrics, title: title)
        self.figures = figures
        assert(document.figures.map(\.name) == figures.map(\.name), "ReportContent: the document and the figures disagree")
    }
}
