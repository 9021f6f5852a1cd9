extension SplitGeometry {
    /// The first and second moments of every class of a split, gathered in one
    /// ``SplitPass``: for each class k its count n_k, its mean μ_k and its sum of
    /// squared deviations M2_k = Σ_{i ∈ k} ‖x_i − μ_k‖², all in Float64.
    ///
    /// Within a chunk each row updates its class by Welford's step
    /// (δ = x − μ, μ ← μ + δ/n, M2 ← M2 + δ·(x − μ_new)); the chunks are then
    /// combined in row order by the parallel update of Chan, Golub and LeVeque
    /// (see ``append(_:)``). M2 is kept in a ``CompensatedSum``. The chunks are
    /// cut at fixed rows and folded left to right, so the moments have the same
    /// bits at any thread count. ``SplitGeometry/init(_:)`` turns them into the metric.
    public struct ClassMoments: RowAccumulating {
        /// The moments of one class that has at least one row.
        struct Moments: Sendable {
            /// n, the rows of the class seen.
            var count: Int
            /// μ, their mean (D values).
            var mean: [Double]
            /// M2 = Σ ‖x_i − μ‖² over those rows.
            var squaredDeviations: CompensatedSum
        }

        /// Indexed by class id; nil for a class that has had no row yet.
        private(set) var classes: [Moments?]

        /// Moments of the classes `0..<classCount` before any row.
        public init(classCount: Int) {
            classes = Array(repeating: nil, count: classCount)
        }

        /// Number of classes, K.
        public var classCount: Int { classes.count }

        /// Rows seen, over every class.
        public var count: Int { classes.reduce(0) { $0 + ($1?.count ?? 0) } }

        public mutating func add(_ row: ExampleRow) {
            add(features: row.features, label: row.label)
        }

        /// Takes one example's D features `features` and its class id `label`.
        mutating func add(features: UnsafeBufferPointer<Double>, label: Int) {
            precondition(classes.indices.contains(label), "ClassMoments: label \(label) outside 0..<\(classes.count)")
            guard classes[label] != nil else {
                // n = 1: μ = x, M2 = 0
                classes[label] = Moments(count: 1, mean: Array(features), squaredDeviations: CompensatedSum())
                return
            }
            classes[label]!.count += 1
            let n = Double(classes[label]!.count)
            let contribution = classes[label]!.mean.withUnsafeMutableBufferPointer { mean in
                VectorKernels.welfordStep(mean.baseAddress!, features.baseAddress!, count: features.count, rows: n)
            }
            classes[label]!.squaredDeviations.add(contribution)
        }

        /// Chan et al.'s parallel update, class by class: with A this accumulator's
        /// rows of class k and B `next`'s,
        ///
        ///     n = n_A + n_B,   δ = μ_B − μ_A,
        ///     μ = μ_A + δ·(n_B / n),
        ///     M2 = M2_A + M2_B + ‖δ‖²·n_A·n_B / n.
        public mutating func append(_ next: Self) {
            precondition(next.classes.count == classes.count, "ClassMoments: \(next.classes.count) classes after \(classes.count)")
            for k in classes.indices {
                guard let b = next.classes[k] else { continue }
                guard classes[k] != nil else {
                    classes[k] = b
                    continue
                }
                classes[k]!.merge(b)
            }
        }
    }
}

extension SplitGeometry.ClassMoments.Moments {
    /// Takes in `b`, the moments of the same class over the rows that follow (see ``SplitGeometry/ClassMoments/append(_:)``).
    fileprivate mutating func merge(_ b: Self) {
        let nA = Double(count), nB = Double(b.count), n = nA + nB
        let weight = nB / n
        var squaredShift = 0.0  // ‖δ‖²
        for i in mean.indices {
            let delta = b.mean[i] - mean[i]
            squaredShift += delta * delta
            mean[i] += delta * weight
        }
        count += b.count
        squaredDeviations.add(b.squaredDeviations)
        squaredDeviations.add(squaredShift * (nA * nB / n))
    }
}
