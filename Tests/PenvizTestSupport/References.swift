/// Plain Float64 references that several test targets check against.
public enum References {
    /// The mean of ‖μ_k − μ_l‖ over the pairs k < l of `means`, by loops over the differences.
    public static func meanPairDistance(_ means: [[Double]]) -> Double {
        var total = 0.0, pairs = 0.0
        for k in means.indices {
            for l in (k + 1)..<means.count {
                total += zip(means[k], means[l]).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
                pairs += 1
            }
        }
        return total / pairs
    }
}
