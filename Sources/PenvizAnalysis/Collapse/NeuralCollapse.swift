import CBLAS
import PenvizCore

/// The neural-collapse statistics of one split (Papyan, Han & Donoho, PNAS 2020;
/// Galanti, György & Hutter 2022 for the CDNV; issue 19), over the classes P present
/// in it, K' = |P|. Smaller is more collapsed for every one. Features x without the
/// appended 1, weight rows w_k without bias, everything in Float64:
///
///     μ_k class means, μ_G = mean_k μ_k (unweighted), m_k = μ_k − μ_G, M the K'×D matrix of the m_k
///     nc1  = Tr(Σ_W Σ_B⁺)/K' = (1/N) Σ_i Σ_j (v_jᵀ M r_i)² / s_j⁴,  r_i = x_i − μ_{y_i},
///            (s_j², v_j) the top min(K' − 1, D) eigenpairs of M Mᵀ (the pseudo-inverse of Σ_B = MᵀM/K')
///     nc2_equinorm_means   = std_k ‖m_k‖ / mean_k ‖m_k‖        (population std)
///     nc2_equinorm_weights = std_k ‖w_k‖ / mean_k ‖w_k‖, k ∈ P
///     nc2_equiangular      = std over pairs k < l of cos(m_k, m_l)
///     nc2_max_angle        = mean over pairs k < l of |cos(m_k, m_l) + 1/(K' − 1)|
///     nc3  = ‖W_P/‖W_P‖_F − M/‖M‖_F‖²_F
///     nc4  = share of examples whose prediction differs from argmin_{k∈P} ‖x − μ_k‖² (ties to the lowest id)
///     cdnv = mean over pairs k < l of (σ_k² + σ_l²) / (2‖μ_k − μ_l‖²),  σ_k² = mean_{class k} ‖x − μ_k‖²
///
/// Two passes over the rows: one for the class means, one that forms r_i and
/// multiplies it, a block of rows at a time on the BLAS, by the stacked rows of
/// A = diag(1/s_j²)·Vᵀ·M (for nc1: ‖A r‖² = Σ_j (v_jᵀ M r)²/s_j⁴), of M (for the
/// nearest class centre, from r·m_k and the Gram matrix G = M Mᵀ) and, without
/// stored logits, of W (for the prediction). Never a D×D matrix: the cost is
/// O(N·D·K') and the memory O(K'·D). Eigenpairs with s_j² at most 10⁻¹² of the largest
/// (means that coincide) are left out of the pseudo-inverse, as a pseudo-inverse does.
public struct NeuralCollapse: Codable, Equatable, Sendable {
    /// Examples measured.
    public var n: Int
    /// Classes with examples, K'.
    public var classes: Int
    @NullEncoded public var nc1: Double?
    @NullEncoded public var nc2EquinormMeans: Double?
    @NullEncoded public var nc2EquinormWeights: Double?
    @NullEncoded public var nc2Equiangular: Double?
    @NullEncoded public var nc2MaxAngle: Double?
    @NullEncoded public var nc3: Double?
    @NullEncoded public var nc4: Double?
    @NullEncoded public var cdnv: Double?

    private enum CodingKeys: String, CodingKey {
        case n, classes, nc1
        case nc2EquinormMeans = "nc2_equinorm_means"
        case nc2EquinormWeights = "nc2_equinorm_weights"
        case nc2Equiangular = "nc2_equiangular"
        case nc2MaxAngle = "nc2_max_angle"
        case nc3, nc4, cdnv
    }

    /// The figures, in the order tables and JSON list them, with their keys.
    public var figures: [(key: String, value: Double?)] {
        [("nc1", nc1), ("nc2_equinorm_means", nc2EquinormMeans), ("nc2_equinorm_weights", nc2EquinormWeights),
         ("nc2_equiangular", nc2Equiangular), ("nc2_max_angle", nc2MaxAngle), ("nc3", nc3), ("nc4", nc4), ("cdnv", cdnv)]
    }

    /// The statistics of `features` at `rows` (increasing) with class ids `labels` (one a
    /// row of the whole split), the final layer `weight` (K×D) and `bias`, and the split's
    /// stored `logits` when it has them (the predictions are their argmax, else that of x·Wᵀ + b).
    ///
    /// - Throws: ``PenvizError`` when the eigensolver fails.
    public init(features: ArrayView, labels: [Int], rows: [Int], weight: Matrix, bias: [Double], logits: ArrayView?) throws {
        let d = features.columnCount, k = weight.rows
        _ = BLASThreads.single
        // Pass 1: per-class sums of the features, blocks combined in block order.
        var sums = [Double](repeating: 0, count: k * d), counts = [Int](repeating: 0, count: k)
        Self.forEachBlock(of: rows, dimension: d, features: features, { block, x in
            var blockSums: [Int: [Double]] = [:]
            for (offset, row) in block.enumerated() {
                let label = labels[row]
                if blockSums[label] == nil { blockSums[label] = [Double](repeating: 0, count: d) }
                blockSums[label]!.withUnsafeMutableBufferPointer { sum in
                    for j in 0..<d { sum[j] += x[offset * d + j] }
                }
            }
            return blockSums
        }, combine: { blockSums in
            for (label, sum) in blockSums.sorted(by: { $0.key < $1.key }) {
                for j in 0..<d { sums[label * d + j] += sum[j] }
            }
        })
        for row in rows { counts[labels[row]] += 1 }
        let present = counts.indices.filter { counts[$0] > 0 }
        let kp = present.count
        n = rows.count
        classes = kp
        guard kp >= 2 else {
            (nc1, nc2EquinormMeans, nc2EquinormWeights, nc2Equiangular, nc2MaxAngle, nc3, nc4, cdnv) = (nil, nil, nil, nil, nil, nil, nil, nil)
            return
        }

        // μ_k, μ_G = mean_k μ_k, m_k = μ_k − μ_G (rows of M, in the order of `present`)
        var means = [Double](repeating: 0, count: kp * d)
        for (index, label) in present.enumerated() {
            for j in 0..<d { means[index * d + j] = sums[label * d + j] / Double(counts[label]) }
        }
        var global = [Double](repeating: 0, count: d)
        for index in 0..<kp { for j in 0..<d { global[j] += means[index * d + j] } }
        for j in 0..<d { global[j] /= Double(kp) }
        var m = means
        for index in 0..<kp { for j in 0..<d { m[index * d + j] -= global[j] } }

        // G = M Mᵀ (K'×K')
        var gram = [Double](repeating: 0, count: kp * kp)
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(kp), Int32(kp), Int32(d), 1, m, Int32(d), m, Int32(d), 0, &gram, Int32(kp))
        let eigen = try SymmetricEigen(Matrix(rows: kp, columns: kp, values: gram))
        // The top min(K' − 1, D) eigenpairs, each v_j/s_j² a row of Ṽ; A = Ṽ M (J×D).
        let largest = eigen.values.last ?? 0
        let top = Array(eigen.values.indices.reversed().prefix(min(kp - 1, d))).filter { eigen.values[$0] > largest * 1e-12 }
        let j = top.count
        var scaledVectors = [Double](repeating: 0, count: j * kp)
        for (row, index) in top.enumerated() {
            for column in 0..<kp { scaledVectors[row * kp + column] = eigen.vectors[index, column] / eigen.values[index] }
        }
        let usesWeight = logits == nil
        // The stacked rows S = [A; M; W (without stored logits)], (J + K' (+ K))×D.
        let stackRows = j + kp + (usesWeight ? k : 0)
        var stack = [Double](repeating: 0, count: stackRows * d)
        if j > 0 {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(j), Int32(d), Int32(kp), 1, scaledVectors, Int32(kp), m,
                        Int32(d), 0, &stack, Int32(d))
        }
        for index in 0..<(kp * d) { stack[j * d + index] = m[index] }
        if usesWeight { for index in 0..<(k * d) { stack[(j + kp) * d + index] = weight.values[index] } }
        // μ_y·w_l + b_l, added back to r·w_l for the predictions: z = (x − μ_y)·w + μ_y·w + b.
        var meanLogits = [Double](repeating: 0, count: kp * k)
        if usesWeight {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(kp), Int32(k), Int32(d), 1, means, Int32(d), weight.values,
                        Int32(d), 0, &meanLogits, Int32(k))
            for index in 0..<kp { for l in 0..<k { meanLogits[index * k + l] += bias[l] } }
        }
        var position = [Int](repeating: -1, count: k)
        for (index, label) in present.enumerated() { position[label] = index }

        // Pass 2: r_i = x_i − μ_{y_i}, then r_i Sᵀ; sums of ‖A r‖², of ‖r‖² a class, and the mismatches.
        var projected = 0.0, mismatches = 0
        var residual = [Double](repeating: 0, count: kp)
        let frozenStack = stack, frozenMeans = means, frozenGram = gram, frozenMeanLogits = meanLogits, frozenPosition = position
        Self.forEachBlock(of: rows, dimension: d, features: features, { block, x in
            let b = block.count
            var r = [Double](repeating: 0, count: b * d)
            var classResidual = [Double](repeating: 0, count: kp)
            for (offset, row) in block.enumerated() {
                let y = frozenPosition[labels[row]]
                var squares = 0.0
                for c in 0..<d {
                    let value = x[offset * d + c] - frozenMeans[y * d + c]
                    r[offset * d + c] = value
                    squares += value * value
                }
                classResidual[y] += squares
            }
            var product = [Double](repeating: 0, count: b * stackRows)
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(b), Int32(stackRows), Int32(d), 1, r, Int32(d), frozenStack,
                        Int32(d), 0, &product, Int32(stackRows))
            var blockProjected = 0.0, blockMismatches = 0
            var stored = [Double](repeating: 0, count: logits == nil ? 0 : b * k)
            if let logits { stored.withUnsafeMutableBufferPointer { logits.readRows(block, into: $0) } }
            for (offset, row) in block.enumerated() {
                let base = offset * stackRows
                // ‖A r‖² = Σ_j (v_jᵀ M r)² / s_j⁴
                for index in 0..<j { blockProjected += product[base + index] * product[base + index] }
                // ‖x − μ_k‖² − ‖r‖² = 2(r·m_y − r·m_k) + G_yy + G_kk − 2G_yk, least at the nearest centre.
                let y = frozenPosition[labels[row]]
                var nearest = 0, nearestDistance = Double.infinity
                for index in 0..<kp {
                    let distance = 2 * (product[base + j + y] - product[base + j + index])
                        + frozenGram[y * kp + y] + frozenGram[index * kp + index] - 2 * frozenGram[y * kp + index]
                    if distance < nearestDistance { (nearest, nearestDistance) = (index, distance) }
                }
                // The prediction: argmax of the stored logits, or of (x − μ_y)·w + μ_y·w + b; ties to the lowest id.
                var predicted = 0, best = -Double.infinity
                for l in 0..<k {
                    let z = logits == nil
                        ? product[base + j + kp + l] + frozenMeanLogits[y * k + l] : stored[offset * k + l]
                    if z > best { (predicted, best) = (l, z) }
                }
                if predicted != present[nearest] { blockMismatches += 1 }
            }
            return (blockProjected, classResidual, blockMismatches)
        }, combine: { block in
            projected += block.0
            for index in 0..<kp { residual[index] += block.1[index] }
            mismatches += block.2
        })
        try features.verifyStorage()
        try logits?.verifyStorage()

        let count = Double(n)
        nc1 = projected / count
        nc4 = Double(mismatches) / count
        // NC2 from the Gram matrix: ‖m_k‖ = √G_kk, cos(m_k, m_l) = G_kl / (‖m_k‖‖m_l‖).
        let norms = (0..<kp).map { gram[$0 * kp + $0].squareRoot() }
        nc2EquinormMeans = Self.variation(norms)
        nc2EquinormWeights = Self.variation(present.map { label in (0..<d).reduce(0) { $0 + weight[label, $1] * weight[label, $1] }.squareRoot() })
        var cosines: [Double] = [], ratios: [Double] = []
        for a in 0..<kp {
            for b in (a + 1)..<kp {
                cosines.append(norms[a] > 0 && norms[b] > 0 ? gram[a * kp + b] / (norms[a] * norms[b]) : .nan)
                // ‖μ_a − μ_b‖² = G_aa + G_bb − 2G_ab
                let separation = gram[a * kp + a] + gram[b * kp + b] - 2 * gram[a * kp + b]
                let variances = residual[a] / Double(counts[present[a]]) + residual[b] / Double(counts[present[b]])
                ratios.append(separation > 0 ? variances / (2 * separation) : .nan)
            }
        }
        nc2Equiangular = cosines.allSatisfy(\.isFinite) ? Self.standardDeviation(cosines) : nil
        nc2MaxAngle = cosines.allSatisfy(\.isFinite)
            ? cosines.reduce(0) { $0 + abs($1 + 1 / Double(kp - 1)) } / Double(cosines.count) : nil
        cdnv = ratios.allSatisfy(\.isFinite) ? ratios.reduce(0, +) / Double(ratios.count) : nil
        // NC3 = ‖W_P/‖W_P‖_F − M/‖M‖_F‖²_F
        let weightNorm = present.reduce(0.0) { total, label in total + (0..<d).reduce(0) { $0 + weight[label, $1] * weight[label, $1] } }.squareRoot()
        let meanNorm = m.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if weightNorm > 0, meanNorm > 0 {
            var distance = 0.0
            for (index, label) in present.enumerated() {
                for c in 0..<d {
                    let difference = weight[label, c] / weightNorm - m[index * d + c] / meanNorm
                    distance += difference * difference
                }
            }
            nc3 = distance
        } else {
            nc3 = nil
        }
    }

    /// std / mean of `values` (population std); nil when the mean is 0.
    static func variation(_ values: [Double]) -> Double? {
        let mean = values.reduce(0, +) / Double(values.count)
        return mean > 0 ? standardDeviation(values) / mean : nil
    }

    /// The population standard deviation of `values`.
    static func standardDeviation(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
    }

    /// Runs `body(rows, x)` on blocks of 256 of `rows`, the features of each block read
    /// into `x` (rows × D, row-major), a few blocks concurrently at a time, and hands
    /// the results to `combine` in block order: the same bits on any number of threads.
    static func forEachBlock<T: Sendable>(
        of rows: [Int], dimension d: Int, features: ArrayView,
        _ body: @Sendable ([Int], UnsafeBufferPointer<Double>) -> T, combine: (T) -> Void
    ) {
        let perBlock = 256, blockCount = (rows.count + perBlock - 1) / perBlock
        // About 64 MiB of features read at once.
        let blocksAtOnce = max(1, (64 << 20) / (8 * perBlock * max(d, 1)))
        for first in stride(from: 0, to: blockCount, by: blocksAtOnce) {
            let results = RowBlocks.concurrentMap(count: min(blocksAtOnce, blockCount - first)) { offset in
                let start = (first + offset) * perBlock
                let block = Array(rows[start..<min(start + perBlock, rows.count)])
                var x = [Double](repeating: 0, count: block.count * d)
                x.withUnsafeMutableBufferPointer { features.readRows(block, into: $0) }
                return x.withUnsafeBufferPointer { body(block, $0) }
            }
            results.forEach(combine)
        }
    }
}
