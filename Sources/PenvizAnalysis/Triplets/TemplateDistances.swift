import CBLAS
import PenvizCore

/// The distances `‖t_a − t_b‖` between class templates, as the ``PairScores``
/// of the automatic closest and farthest triplets.
///
/// The templates are first multiplied by a power of two that brings their largest
/// value into [1, 2): exact, so every distance scales by the same factor and the
/// ranking is that of the templates as given, while no square overflows or
/// underflows (weights of 1e300 or 1e-300 rank like any others).
///
/// Screening rows come from the Gram matrix on the BLAS, with the templates
/// centred on their mean `t̄` (so that products are of the size of the distances):
///
///     ‖t_a − t_b‖² = ‖c_a‖² + ‖c_b‖² − 2 c_a·c_b,   c_k = t_k − t̄
///
/// Its rounding error is at most about `(D + 3)·u·4R²` on the square (R the
/// largest ‖c_k‖, u the unit roundoff), so at most `2·sqrt((D + 3)·u)·R` on the
/// distance; ``screeningError`` doubles that. The ranked distance of a pair is
/// computed from the differences (``ClassTemplates/distance(_:_:)``).
struct TemplateDistances: PairScores {
    /// The templates multiplied by ``scale``.
    let templates: ClassTemplates
    /// The power of two the templates were multiplied by.
    let scale: Double
    /// The scaled templates minus their mean, row after row.
    private let centred: [Double]
    /// `‖c_k‖²` for every class.
    private let centredNorms: [Double]
    let screeningError: Double

    /// The distances between `templates`.
    init(_ templates: ClassTemplates) {
        scale = PowerOfTwoScale.inverse(of: templates.values)
        self.templates = templates.scaled(by: scale)
        let k = templates.count, n = templates.dimension
        let values = self.templates.values
        // t̄ = (1/K) Σ_k t_k, then c_k = t_k − t̄
        var mean = [Double](repeating: 0, count: n)
        for a in 0..<k { for i in 0..<n { mean[i] += values[a * n + i] } }
        for i in 0..<n { mean[i] /= Double(k) }
        let centred = (0..<(k * n)).map { values[$0] - mean[$0 % n] }
        self.centred = centred
        centredNorms = (0..<k).map { a in centred[(a * n)..<((a + 1) * n)].reduce(0) { $0 + $1 * $1 } }
        let radius = (centredNorms.max() ?? 0).squareRoot()
        // 2·(2·sqrt((D + 3)·u)·R), u = 2⁻⁵³
        screeningError = 4 * (Double(n + 3) * Double.ulpOfOne / 2).squareRoot() * radius
        _ = BLASThreads.single
    }

    var classCount: Int { templates.count }

    func rows(_ classes: [Int], into out: UnsafeMutablePointer<Double>) {
        let k = templates.count, n = templates.dimension
        var gathered = [Double](repeating: 0, count: classes.count * n)
        for (row, a) in classes.enumerated() {
            for i in 0..<n { gathered[row * n + i] = centred[a * n + i] }
        }
        gathered.withUnsafeBufferPointer { x in
            centred.withUnsafeBufferPointer { c in
                // G = X Cᵀ, classes.count × K
                cblas_dgemm(
                    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(classes.count), Int32(k), Int32(n),
                    1, x.baseAddress, Int32(n), c.baseAddress, Int32(n), 0, out, Int32(k))
            }
        }
        for (row, a) in classes.enumerated() {
            for b in 0..<k {
                // ‖t_a − t_b‖ = sqrt(‖c_a‖² + ‖c_b‖² − 2 c_a·c_b), never below 0 by rounding
                let squared = centredNorms[a] + centredNorms[b] - 2 * out[row * k + b]
                out[row * k + b] = max(squared, 0).squareRoot()
            }
        }
    }

    func score(_ a: Int, _ b: Int) -> Double {
        templates.distance(a, b)
    }
}
