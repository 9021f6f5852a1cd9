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
    /// For each row, its row number in the file when `--drop-nonfinite` removed
    /// rows; nil when every row was kept (each row's number is its position).
    public let keptFileRows: [Int]?
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
        keptFileRows = fileRows
        self.featuresKey = featuresKey ?? "\(name)_features"
    }

    /// The row number in the file of the row at `position`.
    @inlinable
    public func fileRow(_ position: Int) -> Int {
        keptFileRows?[position] ?? position
    }

    /// Number of examples, N.
    public var count: Int { labels.count }

    /// Feature dimension, D.
    public var dimension: Int { features.columnCount }
}
