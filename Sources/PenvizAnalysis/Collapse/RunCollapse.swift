import PenvizCore

/// One run's neural collapse (issue 19; ``NeuralCollapse`` for the figures): the
/// statistics of one split, `train` by default since collapse is a property of the
/// data a network was trained on, else the run's first split.
///
/// The cost is N·K'·(D + K') multiply-adds on the BLAS (plus N·K·D when the split
/// stores no logits): past `maxRows` rows (default ``defaultMaxRows``, about 10 s
/// at K = 1000, D = 2048 on two cores, so that `compare` and `report` keep their time) the figures are taken on a seeded
/// ``StratifiedSample`` of `maxRows` rows, which keeps every class's share, and a
/// note says so.
///
/// ```swift
/// let hard = try RunCollapse(label: "hard", run: run)
/// print(hard.measured.statistics.nc1 ?? .nan)
/// ```
public struct RunCollapse: Sendable {
    /// The run's label in tables, figures and JSON.
    public let label: String
    /// The file or folder the run came from.
    public let source: String
    /// The run's label smoothing α; nil when unknown.
    public let alpha: Double?
    /// The split measured and its statistics.
    public let measured: SplitCollapse
    /// Things the user should know that are not errors: a sample, a default split that
    /// is not `train`, fewer than two classes.
    public let notes: [String]

    /// The rows measured by default: enough for stable figures, and the cost stays under a minute at ImageNet's size.
    public static let defaultMaxRows = 100_000
    /// The seed of the stratified sample.
    public static let sampleSeed: UInt64 = 0

    /// The collapse of `run` on `split` (default: `train`, else the first split) under
    /// `label`, with `alpha` (default: the α the run stored), on at most `maxRows` rows
    /// (two or more).
    ///
    /// - Throws: ``PenvizError`` (input) naming the run when the split is missing
    ///   (listing those it has), and naming the features' key and row when a feature
    ///   is NaN or infinite.
    /// Both passes report the rows they read to `progress`.
    public init(
        label: String, run: Run, alpha: Double? = nil, split name: String? = nil, maxRows: Int = RunCollapse.defaultMaxRows,
        progress: (any WorkProgress)? = nil
    ) throws {
        precondition(maxRows >= 2, "RunCollapse: maxRows must be at least 2")
        var notes: [String] = []
        let split: Split
        if let name {
            split = try run.requiredSplit(named: name)
        } else {
            split = run.split(named: "train") ?? run.splits[0]
            if split.name != "train" {
                notes.append("\(run.source) has no split 'train': neural collapse is measured on '\(split.name)'")
            }
        }
        let rows = StratifiedSample.rows(labels: split.labels, size: maxRows, seed: Self.sampleSeed)
        if rows.count < split.count {
            notes.append("\(run.source): neural collapse of '\(split.name)' on a seeded stratified sample of \(rows.count) of its "
                + "\(split.count) rows (--max-rows)")
        }
        let statistics: NeuralCollapse
        do {
            statistics = try NeuralCollapse(
                features: split.features, labels: split.labels, rows: rows, weight: run.weight, bias: run.bias, logits: split.logits,
                progress: progress)
        } catch let error as NeuralCollapse.NonfiniteFeatures {
            throw PenvizError.input(
                run.source, key: split.featuresKey,
                "row \(split.fileRow(error.row)) holds a non-finite value (use --drop-nonfinite to skip such rows)")
        }
        if statistics.classes < 2 {
            notes.append("\(run.source): split '\(split.name)' has examples of \(statistics.classes) class; neural collapse needs two")
        }
        self.label = label
        source = run.source
        self.alpha = alpha ?? run.labelSmoothing
        measured = SplitCollapse(split: split.name, examples: split.count, statistics: statistics)
        self.notes = notes
    }
}
