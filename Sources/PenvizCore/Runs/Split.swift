/// One named set of examples of a run: penultimate activations, labels and,
/// when saved, logits.
public struct Split: Sendable {
    /// The split's name (`train`, `val`, `test`, …).
    public let name: String
    /// N×D penultimate activations, read in place.
    public let features: ArrayView
    /// N class ids in 0..<K.
    public let labels: [Int]
    /// N×K logits, when the run saved them.
    public let logits: ArrayView?
    /// For each row, its row number in the file; differs from the row's
    /// position only when `--drop-nonfinite` removed rows.
    public let fileRows: [Int]
    /// The key the features were stored under, for error messages.
    public let featuresKey: String

    /// A split whose arrays are already checked.
    public init(
        name: String, features: ArrayView, labels: [Int], logits: ArrayView?, fileRows: [Int]? = nil,
        featuresKey: String? = nil
    ) {
        self.name = name
        self.features = features
        self.labels = labels
        self.logits = logits
        self.fileRows = fileRows ?? Array(0..<labels.count)
        self.featuresKey = featuresKey ?? "\(name)_features"
    }

    /// Number of examples, N.
    public var count: Int { labels.count }

    /// Feature dimension, D.
    public var dimension: Int { features.columnCount }
}
