extension DistanceCV {
    /// What `distance_cv` needs from each example, summed over the rows of a split
    /// in one ``SplitPass``: with `d_j = ‖x̃ − t_j‖² − ‖x̃ − t_y‖²` (j ≠ y), the
    /// mean `mean_j d_j` and the population std `std_j d_j`, each in a ``CompensatedSum``.
    ///
    /// Each squared distance is summed from the differences `x̃_i − t_j,i`, never
    /// expanded into dot products. ``DistanceCV/measure(_:)`` turns the sums into the metric.
    public struct ExcessDistances: RowAccumulating {
        /// The class templates (and the bias mode of x̃).
        public let templates: ClassTemplates
        /// Σ std_j d_j over the rows seen.
        private(set) var deviations = CompensatedSum()
        /// Σ mean_j d_j over the rows seen.
        private(set) var means = CompensatedSum()
        /// Rows seen.
        public private(set) var count = 0

        /// Sums against `templates` (at least two classes), before any row.
        public init(templates: ClassTemplates) {
            precondition(templates.count >= 2, "DistanceCV: needs at least two classes")
            self.templates = templates
        }

        public mutating func add(
            position: Int, features: UnsafeBufferPointer<Double>, label: Int, logits: UnsafeBufferPointer<Double>?
        ) {
            precondition(features.count == templates.featureDimension,
                         "DistanceCV: features D = \(features.count), templates \(templates.featureDimension)")
            let k = templates.count, n = templates.dimension
            precondition((0..<k).contains(label), "DistanceCV: label \(label) outside 0..<\(k)")
            withUnsafeTemporaryAllocation(of: Double.self, capacity: n + k) { scratch in
                // x̃ = [x, 1] with the bias, x without
                let x = scratch.baseAddress!, squared = scratch.baseAddress! + n
                _ = UnsafeMutableBufferPointer(start: x, count: features.count).initialize(from: features)
                if templates.includesBias { x[templates.featureDimension] = 1 }
                templates.values.withUnsafeBufferPointer { t in
                    // ‖x̃ − t_j‖² = Σ_i (x̃_i − t_j,i)² for every class j
                    for j in 0..<k {
                        squared[j] = VectorKernels.squaredDistance(x, t.baseAddress! + j * n, count: n)
                    }
                }
                let y = label
                // mean_j d_j, d_j = ‖x̃ − t_j‖² − ‖x̃ − t_y‖² over j ≠ y
                var sum = 0.0
                for j in 0..<k where j != y { sum += squared[j] - squared[y] }
                let mean = sum / Double(k - 1)
                // std_j d_j = sqrt(mean_j (d_j − mean)²)
                var squares = 0.0
                for j in 0..<k where j != y {
                    let deviation = (squared[j] - squared[y]) - mean
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
