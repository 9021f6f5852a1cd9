/// Every top-label calibration figure of one split at one temperature
/// (DESIGN.md §3): accuracy, `nll = mean −ln p_y`, `brier = mean Σ_k (p_k − 1[k=y])²`,
/// and the reliability diagram with ECE and MCE.
public struct CalibrationMetrics: Codable, Sendable, Equatable {
    /// The temperature the logits were divided by.
    public let temperature: Double
    /// Number of examples.
    public let count: Int
    /// Top-1 accuracy.
    public let accuracy: Double
    /// Mean negative log-likelihood of the true class.
    public let nll: Double
    /// Mean Brier score.
    public let brier: Double
    /// Accuracy against confidence per bin, with ECE and MCE.
    public let reliability: ReliabilityDiagram

    /// The figures of `predictions`, binned with `binCount` bins (M, default 15).
    public init(predictions: TopLabelPredictions, binCount: Int = 15, binning: CalibrationBinning = .width) {
        temperature = predictions.temperature
        count = predictions.count
        let n = Double(predictions.count)
        accuracy = Double(predictions.isCorrect.count { $0 }) / n
        nll = Self.sum(predictions.negativeLogLikelihoods) / n
        brier = Self.sum(predictions.brierScores) / n
        reliability = ReliabilityDiagram(predictions: predictions, binCount: binCount, binning: binning)
    }

    /// The figures of `softmax(z / temperature)` for `logits` with true classes `labels`.
    ///
    /// - Throws: ``PenvizError`` (input) when there are no examples.
    public init(
        logits: LogitSource, labels: [Int], temperature: Double = 1, binCount: Int = 15,
        binning: CalibrationBinning = .width
    ) throws {
        self.init(
            predictions: try TopLabelPredictions(logits: logits, labels: labels, temperature: temperature),
            binCount: binCount, binning: binning)
    }

    /// Expected calibration error.
    public var ece: Double { reliability.ece }
    /// Maximum calibration error.
    public var mce: Double { reliability.mce }

    private static func sum(_ values: [Double]) -> Double {
        var total = CompensatedSum()
        for value in values { total.add(value) }
        return total.value
    }
}
