/// How much a model confuses each pair of classes: the standard proxy for
/// semantic similarity, by which `--auto similar`, `mixed` and `different`
/// rank triplets (issue 18).
///
///     C_kl = (1/n_k) Σ_{i : y_i = k} softmax_l(z_i)     the mean probability of class l on examples of class k
///     S_kl = (C_kl + C_lk) / 2                          symmetric, S_kk unused
///
/// in Float64, with the softmax of ``Softmax`` (the row maximum subtracted).
/// The sums run over the rows in order, a block at a time, blocks combined in
/// block order, so the matrix has the same bits whatever the thread count.
/// A class without examples has no row of C: its S entries hold only the other
/// side, C_lk/2, and ``counts`` says so.
public struct ClassConfusion: Sendable {
    /// Number of classes, K.
    public let classCount: Int
    /// Examples of each class, n_k.
    public let counts: [Int]
    /// S, K×K, row-major.
    public let symmetric: [Double]

    /// The most classes measured: S takes 8·K² bytes (128 MiB at 4,096 classes).
    public static let classLimit = 4096

    /// The confusion of `logits` (N×K) with class ids `labels` (N values in `0..<K`).
    ///
    /// - Precondition: K ≤ ``classLimit``.
    public init(logits: LogitSource, labels: [Int]) {
        let k = logits.classCount
        precondition(k <= Self.classLimit, "ClassConfusion: K = \(k) is past the limit of \(Self.classLimit)")
        precondition(labels.count == logits.rowCount, "ClassConfusion: \(labels.count) labels for \(logits.rowCount) rows")
        var sums = [Double](repeating: 0, count: k * k)
        var counts = [Int](repeating: 0, count: k)
        for label in labels { counts[label] += 1 }
        // A block's sums by class take at most 256·K values; about 32 MiB of them at once.
        let blocksAtOnce = max(1, (32 << 20) / (8 * 256 * max(k, 1)))
        logits.forEachRowBlock(blocksAtOnce: blocksAtOnce, { rows, z in
            var blockSums: [Int: [Double]] = [:]
            withUnsafeTemporaryAllocation(of: Double.self, capacity: k) { scratch in
                for (offset, row) in rows.enumerated() {
                    let softmax = SoftmaxRow(UnsafeBufferPointer(rebasing: z[(offset * k)..<((offset + 1) * k)]), temperature: 1, scratch: scratch)
                    let denominator = softmax.denominator
                    let label = labels[row]
                    if blockSums[label] == nil { blockSums[label] = [Double](repeating: 0, count: k) }
                    // p_l = e_l / S, added to the sums of the example's class (in place)
                    blockSums[label]!.withUnsafeMutableBufferPointer { sum in
                        for l in 0..<k { sum[l] += softmax.exponentials[l] / denominator }
                    }
                }
            }
            return blockSums
        }, combine: { blockSums in
            for (label, sum) in blockSums.sorted(by: { $0.key < $1.key }) {
                for l in 0..<k { sums[label * k + l] += sum[l] }
            }
        })
        // C_kl = sums_kl / n_k; S_kl = (C_kl + C_lk) / 2
        var symmetric = [Double](repeating: 0, count: k * k)
        func c(_ a: Int, _ b: Int) -> Double { counts[a] > 0 ? sums[a * k + b] / Double(counts[a]) : 0 }
        for a in 0..<k {
            for b in 0..<k { symmetric[a * k + b] = (c(a, b) + c(b, a)) / 2 }
        }
        classCount = k
        self.counts = counts
        self.symmetric = symmetric
    }

    /// S_ab, how much classes a and b are confused with each other.
    public func mutual(_ a: Int, _ b: Int) -> Double {
        symmetric[a * classCount + b]
    }
}
