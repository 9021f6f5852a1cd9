import Foundation

/// How far the true logit stands above the others, and how evenly the others
/// are spread (DESIGN.md §3, logits). Label smoothing pulls the gap toward
/// ``labelSmoothingGap(alpha:classCount:)`` and the incorrect logits together.
///
/// - `gap = mean over examples of (z_y − mean_{j≠y} z_j)`;
/// - `incorrect_spread = mean over examples of the population std of {z_j : j ≠ y}`;
/// - `accuracy` = fraction of examples whose argmax (lowest id on ties) is the label.
public struct LogitGeometry: Codable, Sendable, Equatable {
    /// Mean margin of the true logit over the mean incorrect logit.
    public let gap: Double
    /// Mean population standard deviation of the incorrect logits.
    public let incorrectSpread: Double
    /// Top-1 accuracy.
    public let accuracy: Double

    /// The logit geometry of a split with at least two classes.
    ///
    /// - Throws: ``PenvizError`` (input) when there are no examples.
    public init(logits: LogitSource, labels: [Int]) throws {
        precondition(labels.count == logits.rowCount, "LogitGeometry: \(labels.count) labels for \(logits.rowCount) rows")
        precondition(logits.classCount >= 2, "LogitGeometry: needs at least two classes")
        guard !labels.isEmpty else {
            throw PenvizError(.input, "the split has no examples, so its logit metrics are undefined")
        }
        let k = logits.classCount
        let blocks = logits.mapRowBlocks { rows, z in
            var gaps = CompensatedSum(), spreads = CompensatedSum(), correct = 0
            for (position, row) in rows.enumerated() {
                let z = UnsafeBufferPointer(rebasing: z[(position * k)..<((position + 1) * k)])
                let y = labels[row]
                // m = (1/(K−1)) Σ_{j≠y} z_j
                var sum = 0.0
                for j in 0..<k where j != y { sum += z[j] }
                let mean = sum / Double(k - 1)
                // σ = sqrt((1/(K−1)) Σ_{j≠y} (z_j − m)²)
                var squares = 0.0
                for j in 0..<k where j != y { squares += (z[j] - mean) * (z[j] - mean) }
                gaps.add(z[y] - mean)
                spreads.add((squares / Double(k - 1)).squareRoot())
                if Softmax.argmax(z) == y { correct += 1 }
            }
            return (gaps, spreads, correct)
        }
        var gaps = CompensatedSum(), spreads = CompensatedSum(), correct = 0
        for block in blocks {
            gaps.add(block.0)
            spreads.add(block.1)
            correct += block.2
        }
        let n = Double(labels.count)
        gap = gaps.value / n
        incorrectSpread = spreads.value / n
        accuracy = Double(correct) / n
    }

    /// The logit gap label smoothing α drives toward with K classes: the difference
    /// of the log-targets, `ln(((1 − α)·K + α) / α)`. Nil unless 0 < α ≤ 1 (with
    /// α = 0, hard targets, the gap grows without bound).
    public static func labelSmoothingGap(alpha: Double, classCount: Int) -> Double? {
        guard alpha > 0, alpha <= 1 else { return nil }
        // target of the true class (1 − α) + α/K over a wrong class's α/K: ((1 − α)K + α)/α
        return log(((1 - alpha) * Double(classCount) + alpha) / alpha)
    }
}
