import CBLAS
import PenvizCore

/// The matrix product at the heart of the logit engine: `Z = X Wᵀ (+ b)` for a
/// block of feature rows, in Float64 on a real BLAS (`cblas_dgemm`; OpenBLAS on
/// Linux), never a hand-written loop.
///
/// A pass computes one block a thread on several threads, so the BLAS's own
/// thread pool is set to one thread before the first product.
struct LogitProduct: Sendable {
    /// The K×D weight, row-major.
    let weight: Matrix
    /// The K biases.
    let bias: [Double]

    /// The product of the final layer `weight` (K×D) and `bias` (K).
    init(weight: Matrix, bias: [Double]) {
        precondition(bias.count == weight.rows, "LogitProduct: \(bias.count) biases for \(weight.rows) classes")
        self.weight = weight
        self.bias = bias
        _ = BLASThreads.single
    }

    /// The product of the absolute final layer, `|W|` and `|b|`: the size of the
    /// terms of each logit's dot product.
    var magnitudes: LogitProduct {
        LogitProduct(weight: Matrix(rows: weight.rows, columns: weight.columns, values: weight.values.map(abs)), bias: bias.map(abs))
    }

    /// Number of classes, K.
    var classCount: Int { weight.rows }
    /// Feature dimension, D.
    var dimension: Int { weight.columns }

    /// `out = X Wᵀ`, plus `b` on every row when `addingBias`, for the `rows` feature
    /// rows `features` (rows × D, row-major); `out` holds rows × K values.
    func multiply(
        _ features: UnsafeBufferPointer<Double>, rows: Int, into out: UnsafeMutableBufferPointer<Double>, addingBias: Bool
    ) {
        let k = classCount, d = dimension
        precondition(features.count >= rows * d && out.count >= rows * k, "LogitProduct: buffers too small for \(rows) rows")
        guard rows > 0, k > 0 else { return }
        guard d > 0 else {
            for row in 0..<rows { for j in 0..<k { out[row * k + j] = addingBias ? bias[j] : 0 } }
            return
        }
        weight.values.withUnsafeBufferPointer { w in
            // Z (rows×K) = 1 · X (rows×D) · Wᵀ (D×K) + 0 · Z
            cblas_dgemm(
                CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(k), Int32(d),
                1, features.baseAddress, Int32(d), w.baseAddress, Int32(d), 0, out.baseAddress, Int32(k))
        }
        guard addingBias else { return }
        bias.withUnsafeBufferPointer { b in
            for row in 0..<rows {
                // z_k += b_k
                cblas_daxpy(Int32(k), 1, b.baseAddress, 1, out.baseAddress! + row * k, 1)
            }
        }
    }

    /// The logits `x·Wᵀ + b` of the N×D `features`, computed a block of rows at a
    /// time whenever they are read.
    func logits(of features: ArrayView) -> LogitSource {
        let product = self, d = dimension
        return .computed(rowCount: features.rowCount, classCount: classCount) { rows, out in
            var x = [Double](repeating: 0, count: rows.count * d)
            x.withUnsafeMutableBufferPointer { x in
                features.readRows(rows, into: x)
                product.multiply(UnsafeBufferPointer(x), rows: rows.count, into: out, addingBias: true)
            }
        }
    }
}
