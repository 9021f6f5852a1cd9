/// Each example's top-label prediction at a temperature T, the raw material of
/// every calibration figure (DESIGN.md §3, calibration):
/// `conf = max_k softmax(z/T)_k`, `pred = argmax` (lowest id on ties),
/// `correct = (pred == y)`, and the example's NLL `−ln softmax(z/T)_y` and Brier
/// score `Σ_k (p_k − 1[k=y])²`, all in Float64 (see ``SoftmaxRow`` for the stable forms).
public struct TopLabelPredictions: Sendable {
    /// The temperature the logits were divided by (1 for the raw network).
    public let temperature: Double
    /// The true class of each example.
    public let labels: [Int]
    /// The predicted class of each example.
    public let predicted: [Int]
    /// The top-label confidence of each example.
    public let confidences: [Double]
    /// Whether each prediction is right.
    public let isCorrect: [Bool]
    /// `−ln p_y` of each example.
    public let negativeLogLikelihoods: [Double]
    /// `Σ_k (p_k − 1[k=y])²` of each example.
    public let brierScores: [Double]

    /// The predictions of `softmax(z / temperature)` for each row of `logits`.
    ///
    /// - Throws: ``PenvizError`` (input) when there are no examples.
    public init(logits: LogitSource, labels: [Int], temperature: Double = 1) throws {
        precondition(labels.count == logits.rowCount, "TopLabelPredictions: \(labels.count) labels for \(logits.rowCount) rows")
        precondition(temperature > 0, "TopLabelPredictions: the temperature must be positive")
        guard !labels.isEmpty else {
            throw PenvizError(.input, "the split has no examples, so its calibration is undefined")
        }
        let k = logits.classCount
        let blocks = logits.mapRowBlocks { rows, z in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { scratch in
                rows.enumerated().map { position, row in
                    let z = UnsafeBufferPointer(rebasing: z[(position * k)..<((position + 1) * k)])
                    let y = labels[row]
                    let softmax = SoftmaxRow(z, temperature: temperature, scratch: scratch)
                    return (
                        softmax.top, softmax.confidence,
                        softmax.negativeLogLikelihood(z, label: y, temperature: temperature),
                        softmax.brierScore(label: y))
                }
            }
        }
        let rows = blocks.joined()
        self.temperature = temperature
        self.labels = labels
        predicted = rows.map(\.0)
        confidences = rows.map(\.1)
        negativeLogLikelihoods = rows.map(\.2)
        brierScores = rows.map(\.3)
        isCorrect = zip(predicted, labels).map { $0 == $1 }
    }

    /// Number of examples, N.
    public var count: Int { labels.count }
}
