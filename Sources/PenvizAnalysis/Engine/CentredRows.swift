import CBLAS
import PenvizCore

/// Rows of a matrix (class means, class templates) centred on their mean, for the
/// distances between them from their Gram matrix on the BLAS:
///
///     ‖x_a − x_b‖² = ‖c_a‖² + ‖c_b‖² − 2 c_a·c_b,   c_k = x_k − x̄,  x̄ = (1/K) Σ_k x_k
///
/// Centring keeps the products of the size of the distances, so no large term is
/// subtracted. The rounding error on a square is at most about `(n + 3)·u·4R²`
/// (R the largest ‖c_k‖, u the unit roundoff).
struct CentredRows: Sendable {
    /// Number of rows, K.
    let count: Int
    /// Length of a row, n.
    let dimension: Int
    /// The centred rows, row after row.
    let centred: [Double]
    /// `‖c_k‖²` for every row.
    let squaredNorms: [Double]

    /// `values` as `count` rows of `dimension`, centred.
    init(_ values: [Double], count k: Int, dimension n: Int) {
        precondition(values.count == k * n && k >= 1, "CentredRows: \(values.count) values for \(k) rows of \(n)")
        // x̄ = (1/K) Σ_k x_k, then c_k = x_k − x̄
        var mean = [Double](repeating: 0, count: n)
        for a in 0..<k { for i in 0..<n { mean[i] += values[a * n + i] } }
        for i in 0..<n { mean[i] /= Double(k) }
        centred = (0..<(k * n)).map { values[$0] - mean[$0 % n] }
        squaredNorms = (0..<k).map { [centred] a in centred[(a * n)..<((a + 1) * n)].reduce(0) { $0 + $1 * $1 } }
        count = k
        dimension = n
        // Every product of the process runs on the BLAS's single thread: a call into its own
        // pool beside another thread's product can leave the pool spinning for ever.
        _ = BLASThreads.single
    }

    /// The distances from each of `rows` to every row, `rows.count` × K row-major in `out`.
    func distances(from rows: [Int], into out: UnsafeMutablePointer<Double>) {
        let k = count, n = dimension
        var gathered = [Double](repeating: 0, count: rows.count * n)
        for (row, a) in rows.enumerated() {
            for i in 0..<n { gathered[row * n + i] = centred[a * n + i] }
        }
        gathered.withUnsafeBufferPointer { x in
            centred.withUnsafeBufferPointer { c in
                // G = X Cᵀ, rows.count × K
                cblas_dgemm(
                    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows.count), Int32(k), Int32(n),
                    1, x.baseAddress, Int32(n), c.baseAddress, Int32(n), 0, out, Int32(k))
            }
        }
        for (row, a) in rows.enumerated() {
            for b in 0..<k {
                // ‖x_a − x_b‖ = sqrt(‖c_a‖² + ‖c_b‖² − 2 c_a·c_b), never below 0 by rounding
                let squared = squaredNorms[a] + squaredNorms[b] - 2 * out[row * k + b]
                out[row * k + b] = max(squared, 0).squareRoot()
            }
        }
    }
}
