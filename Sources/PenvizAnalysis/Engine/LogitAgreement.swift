import Foundation
import PenvizCore

/// Whether a split's stored logits are its features times the final layer: the
/// check that decides where the logit engine takes the template logits from.
///
/// On a seeded sample of rows spread over the whole split, the logits are
/// computed from the features in Float64 (`ẑ = x·Wᵀ + b`, on the BLAS) and
/// compared with the stored ones, each difference relative to the size of the
/// terms of its dot product, or to the stored logit where every term is zero (a
/// nonzero stored logit against all-zero terms is a deviation of 1, not an infinite one):
///
///     deviation = max over sampled rows and classes of |z_k − ẑ_k| / (Σ_i |x_i w_ki| + |b_k|)
///
/// A model that computed its logits in float32 from these very features
/// differs from ẑ by its float32 rounding: at most about `D·2⁻²⁴` of that size
/// (the error bound of a D-term sum), plus the rounding of the stored type.
/// Within ``tolerance`` the stored logits *agree*. Features saved in a shorter
/// type than the model computed in (float16, bfloat16) move each logit by up
/// to that type's rounding, ``featureRounding``, of the same size: such logits
/// do not agree with the saved features, but the rounding explains it. Far
/// above both, the features are not what the final layer saw (a hook on the
/// wrong layer, features taken before a final activation or normalisation).
public struct LogitAgreement: Codable, Equatable, Sendable {
    /// Rows sampled at most.
    public static let sampleSize = 64
    /// The seed of the sample.
    static let seed: UInt64 = 0x1061_75A6

    /// How many rows were compared (``sampleSize``, or every row of a smaller split).
    public let sampledRows: Int
    /// The largest relative deviation over the sample (0 when every sampled row is non-finite).
    public let deviation: Double
    /// The split position of the row where it was found.
    public let worstRow: Int
    /// Its class.
    public let worstClass: Int
    /// The largest deviation that counts as float32 rounding for these logits.
    public let tolerance: Double
    /// The unit roundoff of the stored features' type when it is shorter than
    /// float32 (2⁻¹¹ for float16, 2⁻⁸ for bfloat16); 0 otherwise.
    public let featureRounding: Double

    /// True when the stored logits agree with the features within float32 rounding.
    public var agrees: Bool { deviation <= tolerance }

    /// True when the stored logits agree with the features within float32 rounding
    /// plus the rounding of the features' own stored type.
    public var explainedByFeatureRounding: Bool { deviation <= tolerance + featureRounding }

    /// Compares the stored `logits` of `split` with `product` of its features;
    /// `magnitudes` is the product of the absolute final layer, `|W|` and `|b|`.
    init(split: Split, logits: ArrayView, product: LogitProduct, magnitudes: LogitProduct) {
        let n = split.count, d = product.dimension, k = product.classCount
        let rows = Self.sample(rowCount: n)
        var x = [Double](repeating: 0, count: rows.count * d)
        var stored = [Double](repeating: 0, count: rows.count * k)
        x.withUnsafeMutableBufferPointer { split.features.readRows(rows, into: $0) }
        stored.withUnsafeMutableBufferPointer { logits.readRows(rows, into: $0) }
        // ẑ = X Wᵀ + b, and the size of its terms: |X| |W|ᵀ + |b|
        let computed = Self.product(x, rows: rows.count, product)
        let magnitude = Self.product(x.map(abs), rows: rows.count, magnitudes)
        var worst = (deviation: 0.0, row: rows.first ?? 0, classID: 0)
        for (index, row) in rows.enumerated() {
            let base = index * k
            guard (base..<(base + k)).allSatisfy({ stored[$0].isFinite && computed[$0].isFinite }) else { continue }
            for j in 0..<k {
                let difference = abs(stored[base + j] - computed[base + j])
                let scale = magnitude[base + j] > 0 ? magnitude[base + j] : abs(stored[base + j])
                let deviation = difference == 0 ? 0 : difference / scale
                if deviation > worst.deviation { worst = (deviation, row, j) }
            }
        }
        sampledRows = rows.count
        deviation = worst.deviation
        worstRow = worst.row
        worstClass = worst.classID
        tolerance = Self.tolerance(dimension: d, stored: logits.dtype)
        // Only a type shorter than float32 rounds the features more than the model's arithmetic did.
        let rounding = Self.unitRoundoff(split.features.dtype) ?? 0
        featureRounding = rounding > 0x1p-24 ? rounding : 0
    }

    /// `2u + D·2⁻²⁴`: twice the unit roundoff u of the stored type, plus the
    /// bound on the error of a D-term float32 dot product.
    static func tolerance(dimension: Int, stored dtype: DType) -> Double {
        2 * (unitRoundoff(dtype) ?? 0x1p-53) + Double(max(dimension, 1)) * 0x1p-24
    }

    /// The unit roundoff of a floating-point type; nil for the others.
    private static func unitRoundoff(_ dtype: DType) -> Double? {
        switch dtype {
        case .float16: return 0x1p-11
        case .bfloat16: return 0x1p-8
        case .float32: return 0x1p-24
        case .float64: return 0x1p-53
        default: return nil
        }
    }

    /// Up to ``sampleSize`` rows spread over `0..<rowCount`: one seeded row in each
    /// of that many equal strata, in increasing order.
    static func sample(rowCount: Int) -> [Int] {
        let count = min(rowCount, sampleSize)
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { stratum in
            let start = stratum * rowCount / count, end = (stratum + 1) * rowCount / count
            return start + generator.next(below: end - start)
        }
    }

    /// `rows` rows of `x` through `product`, with the bias.
    private static func product(_ x: [Double], rows: Int, _ product: LogitProduct) -> [Double] {
        var out = [Double](repeating: 0, count: rows * product.classCount)
        x.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { out in product.multiply(x, rows: rows, into: out, addingBias: true) }
        }
        return out
    }

    private enum CodingKeys: String, CodingKey {
        case sampledRows = "sampled_rows"
        case deviation
        case worstRow = "worst_row"
        case worstClass = "worst_class"
        case tolerance
        case featureRounding = "feature_rounding"
    }
}
