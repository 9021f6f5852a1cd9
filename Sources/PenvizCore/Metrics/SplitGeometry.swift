/// How compact the classes of a whole split are relative to how far apart they
/// are, in the full feature space (DESIGN.md §3, geometry of the whole split).
///
/// - `within = sqrt(mean over examples of ‖x − μ_y‖²)`, μ_k the mean feature of class k;
/// - `between` = mean over pairs k < l of `‖μ_k − μ_l‖`, over the classes with at
///   least one example (null below two such classes);
/// - `cluster_ratio = within / between` (null when `between` is null or 0).
///
/// Measured from the ``ClassMoments`` of one ``SplitPass``: class counts, means
/// and sums of squared deviations gathered in a single read of the features and
/// folded in row order, so the numbers do not depend on the thread count.
public struct SplitGeometry: Codable, Sendable, Equatable {
    /// RMS distance of an example to its class mean.
    public let within: Double
    /// Mean distance between the means of two classes; nil with fewer than two classes present.
    public let between: Double?
    /// `within / between`; nil when `between` is nil or 0.
    public let clusterRatio: Double?

    /// The geometry of the split whose class moments are `moments`.
    ///
    /// - Throws: ``PenvizError`` (input) when there are no examples.
    public init(_ moments: ClassMoments) throws {
        let present = moments.classes.compactMap { $0 }
        let count = present.reduce(0) { $0 + $1.count }
        guard count > 0 else {
            throw PenvizError(.input, "the split has no examples, so its class geometry is undefined")
        }
        // within = sqrt((1/N) Σ_k M2_k),  M2_k = Σ_{i ∈ k} ‖x_i − μ_k‖²
        var squares = CompensatedSum()
        for entry in present { squares.add(entry.squaredDeviations) }
        within = (squares.value / Double(count)).squareRoot()

        let means = present.map(\.mean)
        guard means.count >= 2 else {
            between = nil
            clusterRatio = nil
            return
        }
        // between = Σ_{k<l} ‖μ_k − μ_l‖ / (P(P − 1)/2), P the classes present
        let rowSums = RowBlocks.concurrentMap(count: means.count) { k in
            var sum = CompensatedSum()
            for l in (k + 1)..<means.count {
                sum.add(Self.squaredDistance(means[k], means[l]).squareRoot())
            }
            return sum
        }
        var distances = CompensatedSum()
        for sum in rowSums { distances.add(sum) }
        let pairs = Double(means.count * (means.count - 1) / 2)
        let between = distances.value / pairs
        self.between = between
        clusterRatio = between > 0 ? within / between : nil
    }

    /// ‖x − y‖²
    private static func squaredDistance(_ x: [Double], _ y: [Double]) -> Double {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in VectorKernels.squaredDistance(x.baseAddress!, y.baseAddress!, count: x.count) }
        }
    }
}
