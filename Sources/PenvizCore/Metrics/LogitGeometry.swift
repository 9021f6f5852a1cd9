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

    /// The logit geometry of the examples whose per-example sums are `margins`
    /// (gathered by a ``SplitPass``, or by ``init(logits:labels:)``).
    ///
    /// - Throws: ``PenvizError`` (input) when there are no examples.
    public init(_ margins: Margins) throws {
        guard margins.count > 0 else {
            throw PenvizError(.input, "the split has no examples, so its logit metrics are undefined")
        }
        let n = Double(margins.count)
        gap = margins.gaps.value / n
        incorrectSpread = margins.spreads.value / n
        accuracy = Double(margins.correct) / n
    }

    /// The logit geometry of `logits` (at least two classes) with class ids `labels`,
    /// read in fixed blocks of rows, concurrently, and summed in block order.
    ///
    /// - Throws: ``PenvizError`` (input) when there are no examples.
    public init(logits: LogitSource, labels: [Int]) throws {
        precondition(labels.count == logits.rowCount, "LogitGeometry: \(labels.count) labels for \(logits.rowCount) rows")
        let k = logits.classCount
        let blocks = logits.mapRowBlocks { rows, z in
            var margins = Margins(classCount: k)
            for (position, row) in rows.enumerated() {
                margins.add(logits: UnsafeBufferPointer(rebasing: z[(position * k)..<((position + 1) * k)]), label: labels[row])
            }
            return margins
        }
        var margins = Margins(classCount: k)
        for block in blocks { margins.append(block) }
        try self.init(margins)
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
