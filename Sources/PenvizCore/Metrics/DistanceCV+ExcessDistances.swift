extension DistanceCV {
    /// What `distance_cv` needs from each example, summed over the rows of a split
    /// in one ``SplitPass``: with `d_j = ‖x̃ − t_j‖² − ‖x̃ − t_y‖²` (j ≠ y), the
    /// mean `mean_j d_j` and the population std `std_j d_j`, each in a ``CompensatedSum``.
    ///
    /// Each `d_j` comes from the row's template logits `z̃_k = x̃·t_k` and the
    /// squared template norms `G_kk = ‖t_k‖²` (the diagonal of the Gram matrix
    /// `G = T Tᵀ`): expanding both squares, the `‖x̃‖²` terms cancel exactly and
    ///
    ///     d_j = G_jj − G_yy − 2 (z̃_j − z̃_y),
    ///
    /// O(K) a row instead of the O(K·D) of the differences, and no large term is
    /// subtracted. ``DistanceCV/measure(_:)`` turns the sums into the metric.
    public struct ExcessDistances: RowAccumulating {
        /// `G_kk = ‖t_k‖²` for every class k, in the templates' bias mode.
        public let squaredNorms: [Double]
        /// Σ std_j d_j over the rows seen.
        private(set) var deviations = CompensatedSum()
        /// Σ mean_j d_j over the rows seen.
        private(set) var means = CompensatedSum()
        /// Rows seen.
        public private(set) var count = 0

        /// Sums against templates whose squared norms are `squaredNorms` (at least two classes).
        public init(squaredNorms: [Double]) {
            precondition(squaredNorms.count >= 2, "DistanceCV: needs at least two classes")
            self.squaredNorms = squaredNorms
        }

        /// Sums against `templates`: their squared norms, summed in Float64.
        public init(templates: ClassTemplates) {
            self.init(squaredNorms: templates.squaredNorms)
        }

        public mutating func add(_ row: ExampleRow) {
            guard let z = row.templateLogits else { preconditionFailure("DistanceCV: the pass has no template logits") }
            add(templateLogits: z, label: row.label)
        }

        /// Takes one example's K template logits `z` and its class id `y`.
        mutating func add(templateLogits z: UnsafeBufferPointer<Double>, label y: Int) {
            let k = squaredNorms.count
            precondition(z.count == k, "DistanceCV: \(z.count) template logits for \(k) classes")
            precondition((0..<k).contains(y), "DistanceCV: label \(y) outside 0..<\(k)")
            squaredNorms.withUnsafeBufferPointer { g in
                // d_j = G_jj − G_yy − 2(z̃_j − z̃_y) = (G_jj − 2 z̃_j) − (G_yy − 2 z̃_y)
                let reference = g[y] - 2 * z[y]
                // mean_j d_j over j ≠ y
                var sum = 0.0
                for j in 0..<k where j != y { sum += (g[j] - 2 * z[j]) - reference }
                let mean = sum / Double(k - 1)
                // std_j d_j = sqrt(mean_j (d_j − mean)²) over j ≠ y
                var squares = 0.0
                for j in 0..<k where j != y {
                    let deviation = ((g[j] - 2 * z[j]) - reference) - mean
                    squares += deviation * deviation
                }
                deviations.add((squares / Double(k - 1)).squareRoot())
                means.add(mean)
            }
            count += 1
        }

        public mutating func append(_ next: Self) {
            deviations.add(next.deviations)
            means.add(next.means)
            count += next.count
        }
    }
}
