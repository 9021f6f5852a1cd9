import PenvizCore

extension ComparisonMetrics {
    /// The whole-split metrics of one run's split (DESIGN.md §3): class geometry
    /// in the full feature space and the geometry of the logits.
    ///
    /// ```text
    /// name              the split (train, val, …)
    /// n                 number of examples
    /// logits            "stored" (the run's S_logits) or "computed" (x·Wᵀ + b in Float64)
    /// template_logits   "stored" when the stored logits agree with the features, else "computed" from them:
    ///                   where the projection and distance_cv read z̃_k = x̃·t_k
    /// logit_deviation   max |z − x·Wᵀ − b| / (Σ|x_i w_ki| + |b_k|, or |z| where that is 0) over a sample of rows; null without stored logits
    /// accuracy          top-1 accuracy of the logits (argmax ties to the lowest id)
    /// within            sqrt(mean ‖x − μ_y‖²)
    /// between           mean ‖μ_k − μ_l‖ over class pairs (null below two classes present)
    /// cluster_ratio     within / between (null when between is null or 0)
    /// gap               mean (z_y − mean_{j≠y} z_j)
    /// ls_gap            ln(((1−α)K + α)/α), the gap label smoothing α drives toward (null unless 0 < α ≤ 1)
    /// incorrect_spread  mean population std of {z_j : j ≠ y}
    /// distance_cv       mean std_j d_j / mean mean_j d_j, d_j = ‖x̃ − t_j‖² − ‖x̃ − t_y‖² (null when the mean is 0)
    /// ```
    public struct SplitMetrics: Codable, Equatable, Sendable {
        /// The split's name.
        public var name: String
        /// Number of examples, N.
        public var count: Int
        /// Where the model logits came from.
        public var logits: SplitLogits.Origin
        /// Where the template logits came from.
        public var templateLogits: SplitLogits.Origin
        /// How far the stored logits are from the features times the final layer; nil without stored logits.
        @NullEncoded public var logitDeviation: Double?
        /// Top-1 accuracy.
        public var accuracy: Double
        /// RMS distance of an example to its class mean.
        public var within: Double
        /// Mean distance between class means; nil with fewer than two classes present.
        @NullEncoded public var between: Double?
        /// `within / between`.
        @NullEncoded public var clusterRatio: Double?
        /// Mean margin of the true logit over the mean wrong logit.
        public var gap: Double
        /// The gap label smoothing α drives toward; nil when α is unknown or 0.
        @NullEncoded public var lsGap: Double?
        /// Mean population standard deviation of the wrong logits.
        public var incorrectSpread: Double
        /// How unequal the distances to the wrong templates are.
        @NullEncoded public var distanceCV: Double?

        /// A split entry from its parts.
        public init(name: String, count: Int, logits: SplitLogits.Origin, templateLogits: SplitLogits.Origin,
                    logitDeviation: Double?, accuracy: Double, within: Double, between: Double?,
                    clusterRatio: Double?, gap: Double, lsGap: Double?, incorrectSpread: Double, distanceCV: Double?) {
            self.name = name
            self.count = count
            self.logits = logits
            self.templateLogits = templateLogits
            self.logitDeviation = logitDeviation
            self.accuracy = accuracy
            self.within = within
            self.between = between
            self.clusterRatio = clusterRatio
            self.gap = gap
            self.lsGap = lsGap
            self.incorrectSpread = incorrectSpread
            self.distanceCV = distanceCV
        }

        private enum CodingKeys: String, CodingKey {
            case name
            case count = "n"
            case logits
            case templateLogits = "template_logits"
            case logitDeviation = "logit_deviation"
            case accuracy, within, between
            case clusterRatio = "cluster_ratio"
            case gap
            case lsGap = "ls_gap"
            case incorrectSpread = "incorrect_spread"
            case distanceCV = "distance_cv"
        }
    }
}
