import PenvizAnalysis
import PenvizRender

/// Every number `penviz report` shows, in the shape of its `metrics.json`: the
/// documents of `penviz compare`, `penviz calibrate` and `penviz erasure` in one
/// file, beside a summary of every split of every run.
///
/// The schema is stable: every key below is present in every file, undefined
/// values are `null` (see ``NullEncoded``), and a change that renames or removes
/// a key raises ``schemaVersion``. The nested documents keep their own schemas
/// and versions (README: compare and calibrate metrics):
///
/// ```text
/// schema_version  1
/// runs            [RunSplits]         every split of every run: n, logits, accuracy
/// comparison      ComparisonMetrics   the geometry and logit metrics, per split and per panel
/// calibration     CalibrationReport   before and after temperature scaling, with reliability bins
/// erasure         ErasureReport       information erasure, or null when the runs store no augmented logits
/// erasure_note    why erasure is null, or null
/// figure_style    FigureStyle         the figures' text size, palette and axis labels
/// ```
///
/// Decode a file with `JSONDecoder` to read it back: encoding and decoding are
/// exact inverses.
public struct ReportMetrics: Codable, Equatable, Sendable {
    /// The version this build writes. Files with another version may differ in keys.
    public static let currentSchemaVersion = 1

    /// The schema version of this document.
    public var schemaVersion: Int
    /// Every split of every run, runs in command-line order.
    public var runs: [RunSplits]
    /// What `penviz compare` measures.
    public var comparison: ComparisonMetrics
    /// What `penviz calibrate` measures.
    public var calibration: CalibrationReport
    /// What `penviz erasure` measures; nil when it was skipped.
    @NullEncoded public var erasure: ErasureReport?
    /// Why erasure was skipped; nil when it was measured.
    @NullEncoded public var erasureNote: String?
    /// How the figures were drawn.
    public var figureStyle: FigureStyle

    /// A document of the current schema version.
    public init(runs: [RunSplits], comparison: ComparisonMetrics, calibration: CalibrationReport,
                erasure: ErasureReport?, erasureNote: String?, figureStyle: FigureStyle) {
        schemaVersion = Self.currentSchemaVersion
        self.runs = runs
        self.comparison = comparison
        self.calibration = calibration
        self.erasure = erasure
        self.erasureNote = erasureNote
        self.figureStyle = figureStyle
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case runs, comparison, calibration, erasure
        case erasureNote = "erasure_note"
        case figureStyle = "figure_style"
    }
}

extension ReportMetrics {
    /// True when three or more runs have distinct known α: the report then draws its measures against α.
    public var hasSweep: Bool {
        SweepFigure.isSweep(comparison.runs.map(\.alpha))
    }
}
