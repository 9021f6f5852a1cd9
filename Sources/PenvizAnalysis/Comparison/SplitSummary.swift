import PenvizCore

/// The size and top-1 accuracy of one split of a run: what a report lists for
/// every split, beside the compared splits whose full metrics a ``Comparison`` holds.
///
/// ```text
/// name      the split
/// n         number of examples
/// logits    "stored" or "computed" (x·Wᵀ + b in Float64)
/// accuracy  top-1 accuracy of the model logits (argmax ties to the lowest id)
/// ```
public struct SplitSummary: Codable, Equatable, Sendable {
    /// The split's name.
    public var name: String
    /// Number of examples, N.
    public var count: Int
    /// Where the model logits came from.
    public var logits: SplitLogits.Origin
    /// Top-1 accuracy (argmax ties to the lowest id).
    public var accuracy: Double

    /// A split entry from its parts.
    public init(name: String, count: Int, logits: SplitLogits.Origin, accuracy: Double) {
        self.name = name
        self.count = count
        self.logits = logits
        self.accuracy = accuracy
    }

    /// Every split of `run`, in the run's order: a split in `measured` (the
    /// compared splits' metrics) is taken from there, any other is read once
    /// for the accuracy of its model logits.
    ///
    /// - Throws: ``PenvizError`` (input) naming the run and split when a split has no examples.
    public static func all(of run: Run, measured: [ComparisonMetrics.SplitMetrics]) throws -> [SplitSummary] {
        let space = LogitSpace(run: run)
        return try run.splits.map { split in
            if let known = measured.first(where: { $0.name == split.name }) {
                return SplitSummary(name: split.name, count: known.count, logits: known.logits, accuracy: known.accuracy)
            }
            do {
                let geometry = try LogitGeometry(logits: space.modelLogits(of: split), labels: split.labels)
                return SplitSummary(
                    name: split.name, count: split.count, logits: split.logits == nil ? .computed : .stored,
                    accuracy: geometry.accuracy)
            } catch let error as PenvizError {
                throw PenvizError.input(run.source, "split '\(split.name)': \(error.message)")
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case name
        case count = "n"
        case logits, accuracy
    }
}

extension Comparison {
    /// Every split of every run, run by run (see ``SplitSummary/all(of:measured:)``):
    /// the compared splits from the comparison's metrics, the others read for their accuracy.
    ///
    /// - Throws: ``PenvizError`` (input) naming the run and split when a split has no examples.
    public func splitSummaries() throws -> [[SplitSummary]] {
        try zip(runs, metrics.runs).map { compared, measured in try SplitSummary.all(of: compared.run, measured: measured.splits) }
    }
}
