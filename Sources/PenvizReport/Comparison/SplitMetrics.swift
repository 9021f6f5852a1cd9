import PenvizCore

extension ComparisonMetrics {
    /// The whole-split metrics of one run's split (DESIGN.md §3): class geometry
    /// in the full feature space and the geometry of the logits.
    ///
    /// ```text
    /// name              the split (train, val, …)
    /// n                 number of examples
    /// logits            "stored" (the run's S_logits) or "computed" (x·Wᵀ + b in Float64)
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
        /// Where the logits came from.
        public enum LogitOrigin: String, Codable, Sendable {
            /// The run's saved logits.
            case stored
            /// Computed from the features and the final layer.
            case computed
        }

        /// The split's name.
        public var name: String
        /// Number of examples, N.
        public var count: Int
        /// Where the logits came from.
        public var logits: LogitOrigin
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
        public init(name: String, count: Int, logits: LogitOrigin, accuracy: Double, within: Double, between: Double?,
                    clusterRatio: Double?, gap: Double, lsGap: Double?, incorrectSpread: Double, distanceCV: Double?) {
            self.name = name
            self.count = count
            self.logits = logits
            self.accuracy = accuracy
            self.within = within
            self.between = between
            self.clusterRatio = clusterRatio
            self.gap = gap
            self.lsGap = lsGap
            self.incorrectSpread = incorrectSpread
            self.distanceCV = distanceCV
        }

        /// Measures `split` of `run` in one streaming read of its rows (one
        /// ``SplitPass`` feeding three accumulators): its class geometry from the
        /// features, its logit geometry from the stored logits (computed when the
        /// run saved none), its `distance_cv` against `templates`, and `ls_gap` for `alpha`.
        ///
        /// The same pass checks the features (``FirstNonfiniteRow``), so a run loaded
        /// without that check is read once. Every row read is reported to `progress`.
        ///
        /// - Throws: ``PenvizError`` (input) naming the run and split when the split has no
        ///   examples, naming the run, the features' key and the row when a feature is NaN or infinite.
        public init(
            measuring split: Split, of run: Run, alpha: Double?, templates: ClassTemplates,
            progress: (any WorkProgress)? = nil
        ) throws {
            let checkedPass = SplitPass.run(
                split, from: Both(Self.accumulators(for: split, of: run, templates: templates), FirstNonfiniteRow()),
                progress: progress)
            if let bad = checkedPass.second.position {
                throw PenvizError.input(
                    run.source, key: split.featuresKey,
                    "row \(split.fileRows[bad]) holds a non-finite value (use --drop-nonfinite to skip such rows)")
            }
            let pass = checkedPass.first
            do {
                let geometry = try SplitGeometry(pass.first.first)
                let logitGeometry = try LogitGeometry(pass.first.second)
                let distanceCV = try DistanceCV.measure(pass.second)
                self.init(
                    name: split.name, count: split.count, logits: pass.first.second.isComputed ? .computed : .stored,
                    accuracy: logitGeometry.accuracy, within: geometry.within, between: geometry.between,
                    clusterRatio: geometry.clusterRatio, gap: logitGeometry.gap,
                    lsGap: alpha.flatMap { LogitGeometry.labelSmoothingGap(alpha: $0, classCount: run.classCount) },
                    incorrectSpread: logitGeometry.incorrectSpread, distanceCV: distanceCV)
            } catch let error as PenvizError {
                throw PenvizError.input(run.source, "split '\(split.name)': \(error.message)")
            }
        }

        /// The empty accumulators of every whole-split metric, to be fed by one pass
        /// over `split`: class moments, logit margins (over the stored logits, or
        /// `x·Wᵀ + b` when the split has none) and excess template distances.
        private static func accumulators(for split: Split, of run: Run, templates: ClassTemplates)
            -> Both<Both<SplitGeometry.ClassMoments, LogitGeometry.Margins>, DistanceCV.ExcessDistances>
        {
            let margins = split.logits == nil
                ? LogitGeometry.Margins(computingFrom: run.weight, bias: run.bias)
                : LogitGeometry.Margins(classCount: run.classCount)
            return Both(
                Both(SplitGeometry.ClassMoments(classCount: run.classCount), margins),
                DistanceCV.ExcessDistances(templates: templates))
        }

        private enum CodingKeys: String, CodingKey {
            case name
            case count = "n"
            case logits, accuracy, within, between
            case clusterRatio = "cluster_ratio"
            case gap
            case lsGap = "ls_gap"
            case incorrectSpread = "incorrect_spread"
            case distanceCV = "distance_cv"
        }
    }
}
