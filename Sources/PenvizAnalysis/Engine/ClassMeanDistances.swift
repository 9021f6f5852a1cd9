import CBLAS
import PenvizCore

/// The mean distance between the means of the classes of a split, `between` of
/// DESIGN.md §3: the mean of `‖μ_k − μ_l‖` over the pairs k < l, from a matrix
/// product on the BLAS instead of P(P − 1)/2 loops of length D.
///
/// With the means centred on their average, `m_k = μ_k − μ̄` (so that the products
/// are of the size of the distances, and no large term is subtracted),
///
///     ‖μ_k − μ_l‖² = ‖m_k‖² + ‖m_l‖² − 2 m_k·m_l,
///
/// the Gram matrix `M Mᵀ` taken ``blockRows`` rows at a time: memory O(blockRows·P),
/// never P×P. The distances are summed in a ``CompensatedSum`` in pair order.
enum ClassMeanDistances {
    /// Rows of the Gram matrix computed at once.
    static let blockRows = 256

    /// The mean of `‖μ_k − μ_l‖` over the pairs k < l of `means` (two or more, each of D values).
    static func mean(_ means: [[Double]]) -> Double {
        let p = means.count, d = means[0].count
        precondition(p >= 2, "ClassMeanDistances: needs two or more means")
        // Every product of the process runs on the BLAS's single thread: a call into its own
        // pool beside another thread's product can leave the pool spinning for ever.
        _ = BLASThreads.single
        // μ̄ = (1/P) Σ_k μ_k, then m_k = μ_k − μ̄, row-major P×D
        var average = [Double](repeating: 0, count: d)
        for mean in means { for i in 0..<d { average[i] += mean[i] } }
        for i in 0..<d { average[i] /= Double(p) }
        let centred = means.flatMap { mean in (0..<d).map { mean[$0] - average[$0] } }
        // ‖m_k‖²
        let norms = (0..<p).map { k in centred[(k * d)..<((k + 1) * d)].reduce(0) { $0 + $1 * $1 } }
        var total = CompensatedSum()
        var gram = [Double](repeating: 0, count: min(blockRows, p) * p)
        centred.withUnsafeBufferPointer { m in
            gram.withUnsafeMutableBufferPointer { g in
                for start in stride(from: 0, to: p, by: blockRows) {
                    let rows = start..<min(start + blockRows, p)
                    // G[rows, :] = M[rows] Mᵀ
                    cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows.count), Int32(p), Int32(d),
                        1, m.baseAddress! + start * d, Int32(d), m.baseAddress, Int32(d), 0, g.baseAddress, Int32(p))
                    for k in rows {
                        for l in (k + 1)..<p {
                            // ‖μ_k − μ_l‖ = sqrt(‖m_k‖² + ‖m_l‖² − 2 m_k·m_l), never below 0 by rounding
                            let squared = norms[k] + norms[l] - 2 * g[(k - start) * p + l]
                            total.add(max(squared, 0).squareRoot())
                        }
                    }
                }
            }
        }
        return total.value / Double(p * (p - 1) / 2)
    }
}
