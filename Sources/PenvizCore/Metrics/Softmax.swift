import Foundation

/// The softmax of logit rows, computed stably in Float64 (DESIGN.md §3):
/// the row maximum is subtracted before exponentiating, and argmax ties go to
/// the lowest class id.
public enum Softmax {
    /// The probabilities `softmax(z / T)` of one logit row.
    public static func probabilities(_ logits: [Double], temperature: Double = 1) -> [Double] {
        logits.withUnsafeBufferPointer { z in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: z.count) { scratch in
                let row = SoftmaxRow(z, temperature: temperature, scratch: scratch)
                // p_k = exp((z_k − z_top)/T) / S
                return row.exponentials.map { $0 / row.denominator }
            }
        }
    }

    /// The predicted class of one logit row: its argmax, the lowest id on ties.
    public static func predictedClass(_ logits: [Double]) -> Int {
        logits.withUnsafeBufferPointer { argmax($0) }
    }

    /// The predicted class of one logit row and its softmax probability, the model's
    /// confidence: `1 / Σ_k exp(z_k − z_top)`.
    public static func topLabel(_ z: UnsafeBufferPointer<Double>) -> (predicted: Int, confidence: Double) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: z.count) { scratch in
            let row = SoftmaxRow(z, temperature: 1, scratch: scratch)
            return (row.top, row.confidence)
        }
    }

    /// argmax_k z_k, the lowest k among equal maxima.
    static func argmax(_ z: UnsafeBufferPointer<Double>) -> Int {
        var top = 0
        for k in 1..<z.count where z[k] > z[top] { top = k }
        return top
    }
}

/// One logit row's softmax at temperature T, reduced to the quantities the
/// calibration metrics need, all formed from `δ_k = (z_k − z_top)/T ≤ 0` so that
/// nothing overflows and confident rows keep their digits:
///
/// - `e_k = exp(δ_k)` (by ``NonPositiveExp``, into the caller's scratch buffer);
/// - `S = Σ_k e_k = 1 + rest`, `rest = Σ_{k≠top} e_k`;
/// - confidence `p_top = 1 / S`;
/// - `−ln p_y = ln S − δ_y = log1p(rest) − δ_y` (log-sum-exp minus the label's logit);
/// - Brier `Σ_k (p_k − 1[k=y])² = (Σ_{k≠y} e_k² + (Σ_{k≠y} e_k)²) / S²`, using
///   `1 − p_y = Σ_{k≠y} e_k / S` rather than subtracting a rounded `p_y` from 1.
struct SoftmaxRow {
    /// The predicted class (argmax, lowest id on ties).
    let top: Int
    /// `rest = Σ_{k≠top} e_k`.
    let rest: Double
    /// `e_k = exp(δ_k)` for every k (`e_top = 1`), in the caller's scratch buffer.
    let exponentials: UnsafeBufferPointer<Double>

    /// The softmax of `z` at `temperature`, its exponentials written to `scratch` (K values),
    /// which must outlive the row.
    init(_ z: UnsafeBufferPointer<Double>, temperature: Double, scratch: UnsafeMutableBufferPointer<Double>) {
        top = Softmax.argmax(z)
        // δ_k = (z_k − z_top)/T, then e_k = exp(δ_k)
        for k in z.indices { scratch[k] = (z[k] - z[top]) / temperature }
        NonPositiveExp.apply(UnsafeMutableBufferPointer(rebasing: scratch[0..<z.count]))
        var rest = 0.0
        for k in z.indices where k != top { rest += scratch[k] }
        self.rest = rest
        exponentials = UnsafeBufferPointer(rebasing: scratch[0..<z.count])
    }

    /// S = 1 + rest
    var denominator: Double { 1 + rest }

    /// p_top = 1 / S
    var confidence: Double { 1 / denominator }

    /// −ln p_y = log1p(rest) − δ_y
    func negativeLogLikelihood(_ z: UnsafeBufferPointer<Double>, label: Int, temperature: Double) -> Double {
        log1p(rest) - (z[label] - z[top]) / temperature
    }

    /// Σ_k (p_k − 1[k=y])²
    func brierScore(label: Int) -> Double {
        var othersSum = 0.0, othersSquares = 0.0
        for k in exponentials.indices where k != label {
            let e = exponentials[k]
            othersSum += e
            othersSquares += e * e
        }
        let s = denominator
        // (Σ_{k≠y} e_k² + (Σ_{k≠y} e_k)²) / S²
        return (othersSquares + othersSum * othersSum) / (s * s)
    }
}
