extension LogitGeometry {
    /// What ``LogitGeometry`` needs from each example, summed over the rows of a
    /// split in one ``SplitPass``: the margin `z_y − mean_{j≠y} z_j`, the
    /// population std of `{z_j : j ≠ y}` (both in a ``CompensatedSum``), and
    /// whether the argmax (lowest id on ties) is the label.
    ///
    /// The logits are the split's stored ones, or computed from each row's
    /// features as `z_k = x·w_k + b_k` in Float64 when the split saved none.
    /// ``LogitGeometry/init(_:)`` turns the sums into the metric.
    public struct Margins: RowAccumulating {
        /// Where each row's logits come from.
        private enum Logits: Sendable {
            /// The row's stored logits (K values).
            case stored
            /// `z = x·Wᵀ + b` from the row's features.
            case computed(weight: Matrix, bias: [Double])
        }

        private let logits: Logits
        /// Number of classes, K.
        public let classCount: Int
        /// Σ (z_y − mean_{j≠y} z_j) over the rows seen.
        private(set) var gaps = CompensatedSum()
        /// Σ std{z_j : j ≠ y} over the rows seen.
        private(set) var spreads = CompensatedSum()
        /// Rows whose argmax is their label.
        private(set) var correct = 0
        /// Rows seen.
        public private(set) var count = 0

        /// Sums over the split's stored logits, `classCount` per row.
        public init(classCount: Int) {
            precondition(classCount >= 2, "LogitGeometry.Margins: needs at least two classes")
            logits = .stored
            self.classCount = classCount
        }

        /// Sums over logits computed from the features by the final layer:
        /// `z_k = x·w_k + b_k` (K×D `weight`, K `bias` values), in Float64.
        public init(computingFrom weight: Matrix, bias: [Double]) {
            precondition(bias.count == weight.rows, "LogitGeometry.Margins: \(bias.count) biases for \(weight.rows) classes")
            precondition(weight.rows >= 2, "LogitGeometry.Margins: needs at least two classes")
            logits = .computed(weight: weight, bias: bias)
            classCount = weight.rows
        }

        /// True when the logits are computed from the features.
        public var isComputed: Bool {
            if case .computed = logits { return true }
            return false
        }

        public mutating func add(
            position: Int, features: UnsafeBufferPointer<Double>, label: Int, logits stored: UnsafeBufferPointer<Double>?
        ) {
            switch logits {
            case .stored:
                guard let stored else { preconditionFailure("LogitGeometry.Margins: the split has no stored logits") }
                add(logits: stored, label: label)
            case .computed(let weight, let bias):
                let d = weight.columns
                precondition(features.count == d, "LogitGeometry.Margins: D = \(features.count) features for a \(weight.rows)×\(d) weight")
                withUnsafeTemporaryAllocation(of: Double.self, capacity: classCount) { z in
                    weight.values.withUnsafeBufferPointer { w in
                        // z_k = x·w_k + b_k
                        for k in 0..<classCount {
                            z[k] = VectorKernels.dot(features.baseAddress!, w.baseAddress! + k * d, count: d) + bias[k]
                        }
                    }
                    add(logits: UnsafeBufferPointer(z), label: label)
                }
            }
        }

        /// Takes one example's K logits `z` and its label `y`.
        mutating func add(logits z: UnsafeBufferPointer<Double>, label y: Int) {
            let k = classCount
            precondition(z.count == k, "LogitGeometry.Margins: \(z.count) logits for \(k) classes")
            // m = (1/(K−1)) Σ_{j≠y} z_j
            var sum = 0.0
            for j in 0..<k where j != y { sum += z[j] }
            let mean = sum / Double(k - 1)
            // σ = sqrt((1/(K−1)) Σ_{j≠y} (z_j − m)²)
            var squares = 0.0
            for j in 0..<k where j != y { squares += (z[j] - mean) * (z[j] - mean) }
            gaps.add(z[y] - mean)
            spreads.add((squares / Double(k - 1)).squareRoot())
            if Softmax.argmax(z) == y { correct += 1 }
            count += 1
        }

        public mutating func append(_ next: Self) {
            gaps.add(next.gaps)
            spreads.add(next.spreads)
            correct += next.correct
            count += next.count
        }
    }
}
