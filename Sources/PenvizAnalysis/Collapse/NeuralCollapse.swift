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
/// multiplies it, a block of rows at a time on the BLAS, by the rows of M and,
/// without stored logits, of W. M r serves twice: the nearest class centre comes from
/// r·m_k and the Gram matrix G = M Mᵀ, and nc1 from ‖Ṽ (M r)‖², Ṽ the J×K' matrix of
/// the rows v_jᵀ/s_j² (= Σ_j (v_jᵀ M r)²/s_j⁴). Never a D×D matrix: the cost is
/// N·K'·(D + J) multiply-adds (plus N·K·D without stored logits) and the memory
/// O(K'·D). Eigenpairs with s_j² at most 10⁻¹² of the largest (means that coincide)
/// are left out of the pseudo-inverse, as a pseudo-inverse does. A figure past
/// Float64 (features near 1e300) is null, as an undefined one is.
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

    /// Statistics from their parts (a document read back, a test's expectation).
    public init(
        n: Int, classes: Int, nc1: Double?, nc2EquinormMeans: Double?, nc2EquinormWeights: Double?, nc2Equiangular: Double?,
        nc2MaxAngle: Double?, nc3: Double?, nc4: Double?, cdnv: Double?
    ) {
        self.n = n
        self.classes = classes
        (self.nc1, self.nc2EquinormMeans, self.nc2EquinormWeights, self.nc2Equiangular) = (nc1, nc2EquinormMeans, nc2EquinormWeights, nc2Equiangular)
        (self.nc2MaxAngle, self.nc3, self.nc4, self.cdnv) = (nc2MaxAngle, nc3, nc4, cdnv)
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
    /// - Throws: ``NonfiniteFeatures`` naming the first row (of `rows`) that holds a NaN or
    ///   infinity; ``PenvizError`` when the eigensolver fails.
    public init(
        features: ArrayView, labels: [Int], rows: [Int], weight: Matrix, bias: [Double], logits: ArrayView?,
        progress: (any WorkProgress)? = nil
    ) throws {
        let d = features.columnCount, k = weight.rows
        _ = BLASThreads.single
        // Pass 1: per-class sums of the features (classes in order of first appearance in a block) and the first non-finite row.
        let pass1 = Self.fold(of: rows, features: features, logits: nil, progress: progress, { block, x in
            var sums: [Int: [Double]] = [:]
            var nonfinite: Int?
            for (offset, row) in block.enumerated() {
                let label = labels[row]
                sums[label, default: [Double](repeating: 0, count: d)].withUnsafeMutableBufferPointer { sum in
                    for j in 0..<d { sum[j] += x[offset * d + j] }
                }
                if nonfinite == nil, !(0..<d).allSatisfy({ x[offset * d + $0].isFinite }) { nonfinite = row }
            }
            return ClassSums(sums: sums, firstNonfinite: nonfinite)
        }, combine: { $0.append($1) })
        try features.verifyStorage()
        if let row = pass1?.firstNonfinite { throw NonfiniteFeatures(row: row) }
        var sums = [Double](repeating: 0, count: k * d), counts = [Int](repeating: 0, count: k)
        for (label, sum) in pass1?.sums ?? [:] { for j in 0..<d { sums[label * d + j] = sum[j] } }
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
        // Means past Float64 (features near 1e300) leave G infinite: no eigenpairs, and nc1, nc3 and nc4 (nearest means
        // from G) null.
        let gramIsFinite = gram.allSatisfy(\.isFinite)
        let eigen = try SymmetricEigen(Matrix(rows: kp, columns: kp, values: gramIsFinite ? gram : [Double](repeating: 0, count: kp * kp)))
        // The top min(K' − 1, D) eigenpairs, each v_j/s_j² a row of Ṽ (J×K').
        let largest = eigen.values.last ?? 0
        let top = Array(eigen.values.indices.reversed().prefix(min(kp - 1, d))).filter { eigen.values[$0] > largest * 1e-12 }
        let j = top.count
        var scaledVectors = [Double](repeating: 0, count: j * kp)
        for (row, index) in top.enumerated() {
            for column in 0..<kp { scaledVectors[row * kp + column] = eigen.vectors[index, column] / eigen.values[index] }
        }
        let usesWeight = logits == nil
        // The stacked rows S = [M; W (without stored logits)], (K' (+ K))×D.
        let stackRows = kp + (usesWeight ? k : 0)
        var stack = m
        if usesWeight { stack += weight.values }
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
        let frozenStack = stack, frozenVectors = scaledVectors, frozenMeans = means, frozenGram = gram
        let frozenMeanLogits = meanLogits, frozenPosition = position
        let pass2 = Self.fold(of: rows, features: features, logits: logits, progress: progress, { block, x in
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
            // R Sᵀ: each row r·m_k for k in P, then r·w_l; then (R Mᵀ) Ṽᵀ for nc1.
            var product = [Double](repeating: 0, count: b * stackRows)
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(b), Int32(stackRows), Int32(d), 1, r, Int32(d), frozenStack,
                        Int32(d), 0, &product, Int32(stackRows))
            var spectral = [Double](repeating: 0, count: b * j)
            if j > 0 {
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(b), Int32(j), Int32(kp), 1, product, Int32(stackRows),
                            frozenVectors, Int32(kp), 0, &spectral, Int32(j))
            }
            var blockProjected = 0.0, blockMismatches = 0
            var stored = [Double](repeating: 0, count: logits == nil ? 0 : b * k)
            if let logits { stored.withUnsafeMutableBufferPointer { logits.readRows(block, into: $0) } }
            for (offset, row) in block.enumerated() {
                let base = offset * stackRows
                // ‖Ṽ M r‖² = Σ_j (v_jᵀ M r)² / s_j⁴
                for index in 0..<j { blockProjected += spectral[offset * j + index] * spectral[offset * j + index] }
                // ‖x − μ_k‖² − ‖r‖² = 2(r·m_y − r·m_k) + G_yy + G_kk − 2G_yk, least at the nearest centre.
                let y = frozenPosition[labels[row]]
                var nearest = 0, nearestDistance = Double.infinity
                for index in 0..<kp {
                    let distance = 2 * (product[base + y] - product[base + index])
                        + frozenGram[y * kp + y] + frozenGram[index * kp + index] - 2 * frozenGram[y * kp + index]
                    if distance < nearestDistance { (nearest, nearestDistance) = (index, distance) }
                }
                // The prediction: argmax of the stored logits, or of (x − μ_y)·w + μ_y·w + b; ties to the lowest id.
                var predicted = 0, best = -Double.infinity
                for l in 0..<k {
                    let z = logits == nil
                        ? product[base + kp + l] + frozenMeanLogits[y * k + l] : stored[offset * k + l]
                    if z > best { (predicted, best) = (l, z) }
                }
                if predicted != present[nearest] { blockMismatches += 1 }
            }
            return ResidualSums(projected: blockProjected, classResidual: classResidual, mismatches: blockMismatches)
        }, combine: { $0.append($1) })
        try features.verifyStorage()
        try logits?.verifyStorage()

        let count = Double(n)
        let residual = pass2?.classResidual ?? [Double](repeating: 0, count: kp)
        nc1 = gramIsFinite ? (pass2?.projected ?? 0) / count : nil
        nc4 = gramIsFinite ? Double(pass2?.mismatches ?? 0) / count : nil
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
        if weightNorm > 0, meanNorm > 0, gramIsFinite {
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
        // A figure past Float64 is null, as an undefined one is.
        func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
        (nc1, nc2EquinormMeans, nc2EquinormWeights, nc2Equiangular) =
            (finite(nc1), finite(nc2EquinormMeans), finite(nc2EquinormWeights), finite(nc2Equiangular))
        (nc2MaxAngle, nc3, nc4, cdnv) = (finite(nc2MaxAngle), finite(nc3), finite(nc4), finite(cdnv))
    }

    /// The error of a row whose features are not all finite: every figure would be NaN.
    public struct NonfiniteFeatures: Error, Equatable {
        /// The row's position in the split.
        public var row: Int
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

    /// Pass 1's sums: Σ x a class, and the first row that is not finite.
    struct ClassSums {
        var sums: [Int: [Double]]
        var firstNonfinite: Int?

        /// Takes in the sums of the rows after these.
        mutating func append(_ next: ClassSums) {
            for (label, sum) in next.sums {
                if var total = sums[label] {
                    for j in total.indices { total[j] += sum[j] }
                    sums[label] = total
                } else {
                    sums[label] = sum
                }
            }
            firstNonfinite = firstNonfinite ?? next.firstNonfinite
        }
    }

    /// Pass 2's sums: of ‖Ṽ M r‖², of ‖r‖² a class (in the order of P), and of the rows whose prediction is not their nearest mean.
    struct ResidualSums {
        var projected: Double
        var classResidual: [Double]
        var mismatches: Int

        /// Takes in the sums of the rows after these.
        mutating func append(_ next: ResidualSums) {
            projected += next.projected
            for index in classResidual.indices { classResidual[index] += next.classResidual[index] }
            mismatches += next.mismatches
        }
    }

    /// One streaming pass over `rows` of `features` (``RowStream``: chunks on several
    /// threads, the pages of the features and of `logits` released behind them): `body`
    /// gets each block of at most 256 rows with their features (rows × D, row-major), and
    /// the blocks' results are combined in row order (``InOrderFold``), so the sums are
    /// the same bits at any thread count. Nil when there are no rows.
    static func fold<T>(
        of rows: [Int], features: ArrayView, logits: ArrayView?, progress: (any WorkProgress)?,
        _ body: @Sendable (_ block: [Int], _ x: UnsafeBufferPointer<Double>) -> T, combine: @escaping @Sendable (inout T, T) -> Void
    ) -> T? {
        let d = features.columnCount, perBlock = 256
        let stream = RowStream(array: features, rows: rows, companions: [logits].compactMap { $0 })
        let fold = InOrderFold<T>(combine: combine)
        stream.forEachChunk(progress: progress) { positions in
            let x = UnsafeMutableBufferPointer<Double>.allocate(capacity: min(perBlock, positions.count) * d)
            defer { x.deallocate() }
            var result: T?
            for start in stride(from: positions.lowerBound, to: positions.upperBound, by: perBlock) {
                let block = Array(rows[start..<min(start + perBlock, positions.upperBound)])
                features.readRows(block, into: x)
                let value = body(block, UnsafeBufferPointer(rebasing: x[0..<(block.count * d)]))
                if result == nil { result = value } else { combine(&result!, value) }
            }
            fold.take(result!, chunk: positions.lowerBound / stream.rowsPerChunk)
        }
        return fold.result
    }
}
