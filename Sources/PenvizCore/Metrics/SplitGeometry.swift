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
/// folded in row order, so the numbers do not depend on the thread count. The
/// mean distance between class means is the caller's: K(K − 1)/2 distances of
/// length D are a matrix product, which the measuring module does on a BLAS.
public struct SplitGeometry: Codable, Sendable, Equatable {
    /// RMS distance of an example to its class mean.
    public let within: Double
    /// Mean distance between the means of two classes; nil with fewer than two classes present.
    public let between: Double?
    /// `within / between`; nil when `between` is nil or 0.
    public let clusterRatio: Double?

    /// The geometry of the split whose class moments are `moments`, with
    /// `meanDistance(means)` the mean of `‖μ_k − μ_l‖` over the pairs k < l of
    /// `means`, the means of the classes present (called with two or more).
    ///
    /// - Throws: ``PenvizError`` (input) when there are no examples.
    public init(_ moments: ClassMoments, meanDistance: ([[Double]]) -> Double) throws {
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
        let between = meanDistance(means)
        self.between = between
        clusterRatio = between > 0 ? within / between : nil
    }
}
