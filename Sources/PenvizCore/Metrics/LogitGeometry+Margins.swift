extension LogitGeometry {
    /// What ``LogitGeometry`` needs from each example, summed over the rows of a
    /// split in one ``SplitPass``: the margin `z_y − mean_{j≠y} z_j`, the
    /// population std of `{z_j : j ≠ y}` (both in a ``CompensatedSum``), and
    /// whether the argmax (lowest id on ties) is the label.
    ///
    /// The logits are the model's: the split's stored ones, or `x·Wᵀ + b` from the
    /// pass's logit engine when it saved none. ``LogitGeometry/init(_:)`` turns the
    /// sums into the metric.
    public struct Margins: RowAccumulating {
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

        /// Sums over `classCount` logits a row.
        public init(classCount: Int) {
            precondition(classCount >= 2, "LogitGeometry.Margins: needs at least two classes")
            self.classCount = classCount
        }

        public mutating func add(_ row: ExampleRow) {
            guard let logits = row.logits else { preconditionFailure("LogitGeometry.Margins: the pass has no logits") }
            add(logits: logits, label: row.label)
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
