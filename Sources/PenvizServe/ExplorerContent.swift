import PenvizAnalysis
import PenvizCore
import PenvizRender

/// Everything `penviz serve` answers from: the runs held by an ``Explorer`` and
/// what the command line decided about them (the suggestion lists, the first
/// triplet, the equivalent `penviz compare` line), with the two drawings that go
/// through the command line's own defaults: the downloaded figure and the
/// calibration.
public struct ExplorerContent: Sendable {
    /// The runs, measured once.
    public var explorer: Explorer
    /// The ten most and least confused triplets, or why there are none.
    public var suggestions: Result<TripletSuggestions, PenvizError>
    /// The triplet the page opens with.
    public var initial: Triplet
    /// `penviz compare` with the runs, labels and α of this session, quoted for a POSIX shell.
    public var command: String
    /// The splits a downloaded figure draws (the default of `penviz compare`).
    public var figureSplits: [String]
    /// The bytes of `penviz compare RUNS --classes a,b,c --axes axes --out fig.format`'s figure.
    public var figure: @Sendable (_ triplet: Triplet, _ axes: AxisSharing, _ format: ImageFormat) throws -> [UInt8]
    /// `penviz calibrate RUNS`'s report and reliability diagrams as SVG; called once, when first asked for.
    public var calibration: @Sendable () throws -> (report: CalibrationReport, svg: [UInt8])

    /// Content from its parts.
    public init(
        explorer: Explorer, suggestions: Result<TripletSuggestions, PenvizError>, initial: Triplet, command: String,
        figureSplits: [String],
        figure: @escaping @Sendable (Triplet, AxisSharing, ImageFormat) throws -> [UInt8],
        calibration: @escaping @Sendable () throws -> (report: CalibrationReport, svg: [UInt8])
    ) {
        self.explorer = explorer
        self.suggestions = suggestions
        self.initial = initial
        self.command = command
        self.figureSplits = figureSplits
        self.figure = figure
        self.calibration = calibration
    }
}
