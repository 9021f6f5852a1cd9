import PenvizCore

/// The mean distance between the means of the classes of a split, `between` of
/// DESIGN.md §3: the mean of `‖μ_k − μ_l‖` over the pairs k < l, from a matrix
/// product on the BLAS instead of P(P − 1)/2 loops of length D: the means centred
/// on their average (``CentredRows``), their Gram matrix taken ``blockRows`` rows at
/// a time, memory O(blockRows·P), never P×P. The distances are summed in a
/// ``CompensatedSum`` in pair order.
enum ClassMeanDistances {
    /// Rows of the Gram matrix computed at once.
    static let blockRows = 256

    /// The mean of `‖μ_k − μ_l‖` over the pairs k < l of `means` (two or more, each of D values).
    static func mean(_ means: [[Double]]) -> Double {
        let p = means.count
        precondition(p >= 2, "ClassMeanDistances: needs two or more means")
        let rows = CentredRows(means.flatMap { $0 }, count: p, dimension: means[0].count)
        var total = CompensatedSum()
        var block = [Double](repeating: 0, count: min(blockRows, p) * p)
        block.withUnsafeMutableBufferPointer { distances in
            for start in stride(from: 0, to: p, by: blockRows) {
                let classes = Array(start..<min(start + blockRows, p))
                rows.distances(from: classes, into: distances.baseAddress!)
                for (row, k) in classes.enumerated() {
                    for l in (k + 1)..<p { total.add(distances[row * p + l]) }
                }
            }
        }
        return total.value / Double(p * (p - 1) / 2)
    }
}
