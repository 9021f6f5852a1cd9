import PenvizCore

/// One split in logit space: where its model logits `z` and its template logits
/// `z̃_k = x̃·t_k` come from, a block of rows at a time (DESIGN.md §2–3).
///
/// - Stored logits that agree with the features (``LogitAgreement``) serve as
///   both: `z̃ = z` with bias-augmented templates, `z̃ = z − b` without.
/// - Stored logits that do not agree stay the model's output (accuracy, gap,
///   calibration), and `z̃` is computed from the features, since what is defined
///   on x̃ (the projection, `distance_cv`) must be.
/// - A split without logits gets both from the features: `z̃ = x·Wᵀ (+ b)` by a
///   BLAS matrix product, and `z = z̃ (+ b)`.
///
/// As a ``LogitRows`` it feeds a ``SplitPass``.
public struct SplitLogits: LogitRows {
    /// Where a kind of logits comes from.
    public enum Origin: String, Codable, Sendable {
        /// The split's stored logits.
        case stored
        /// Computed from the features and the final layer.
        case computed
    }

    /// The split.
    public let split: Split
    /// Where the model logits come from.
    public let logitOrigin: Origin
    /// Where the template logits come from.
    public let templateLogitOrigin: Origin
    /// The check of the stored logits against the features; nil when the split has none.
    public let agreement: LogitAgreement?
    /// True when templates carry the bias (examples the appended 1).
    public let includesBias: Bool
    let product: LogitProduct

    /// The split `split` of a run whose final layer is `product` (and `magnitudes`, its
    /// absolute values, for the check of stored logits), in `includesBias` mode.
    init(split: Split, product: LogitProduct, magnitudes: LogitProduct, includesBias: Bool) {
        self.split = split
        self.product = product
        self.includesBias = includesBias
        agreement = split.logits.map { LogitAgreement(split: split, logits: $0, product: product, magnitudes: magnitudes) }
        logitOrigin = split.logits == nil ? .computed : .stored
        templateLogitOrigin = agreement?.agrees == true ? .stored : .computed
    }

    public var classCount: Int { product.classCount }

    public var templateLogitsAreLogits: Bool { includesBias && logitOrigin == templateLogitOrigin }

    public func fill(
        positions: Range<Int>, features: UnsafeBufferPointer<Double>, logits: UnsafeMutableBufferPointer<Double>,
        templateLogits: UnsafeMutableBufferPointer<Double>
    ) {
        let rows = positions.count
        if logitOrigin == .stored { split.logits?.readRows(positions, into: logits) }
        if templateLogitOrigin == .computed {
            // z̃ = x·Wᵀ + b with the bias, x·Wᵀ without
            product.multiply(features, rows: rows, into: templateLogits, addingBias: includesBias)
            // z = z̃ with the bias (the same buffer), z̃ + b without
            if logitOrigin == .computed && !includesBias { offset(templateLogits, by: 1, into: logits, rows: rows) }
        } else if !includesBias {
            // z̃ = z − b
            offset(logits, by: -1, into: templateLogits, rows: rows)
        }
    }

    /// `out = from + sign · b` on every one of `rows` rows.
    private func offset(
        _ from: UnsafeMutableBufferPointer<Double>, by sign: Double, into out: UnsafeMutableBufferPointer<Double>, rows: Int
    ) {
        let k = classCount
        product.bias.withUnsafeBufferPointer { b in
            for row in 0..<rows {
                for j in 0..<k { out[row * k + j] = from[row * k + j] + sign * b[j] }
            }
        }
    }

    /// The note to show when the stored logits do not agree with the features
    /// beyond what rounding explains; nil when they agree, when the rounding of
    /// features saved as float16 or bfloat16 explains the difference (the metrics
    /// JSON still says `template_logits: computed`), or when the split has none.
    public func disagreementNote(source: String) -> String? {
        guard let agreement, !agreement.explainedByFeatureRounding else { return nil }
        return "\(source): split '\(split.name)': the stored logits are not the features times the final layer"
            + " (row \(split.fileRow(agreement.worstRow)), class \(agreement.worstClass): relative deviation "
            + "\(String(format: "%.3g", agreement.deviation)), float32 rounding allows \(String(format: "%.2g", agreement.tolerance)));"
            + " the projection and distance_cv use logits computed from the features, accuracy, gap and calibration the stored ones."
            + " Usual cause: a hook on the wrong layer, or features taken before a final activation or normalisation"
    }
}
