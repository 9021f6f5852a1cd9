import PenvizCore

extension CalibrationReport {
    /// The top-label calibration of the evaluation split at one temperature.
    ///
    /// ```text
    /// n             number of examples
    /// accuracy      top-1 accuracy (unchanged by T)
    /// nll           mean −ln p_y
    /// brier         mean Σ_k (p_k − 1[k=y])²
    /// ece           Σ_m |B_m|/n · |acc(B_m) − conf(B_m)|
    /// mce           max over non-empty bins of |acc(B_m) − conf(B_m)|
    /// ece_interval  [2.5 %, 97.5 %] bootstrap percentiles of the ECE, or null with --bootstrap 0
    /// bins          [Bin], in increasing confidence
    /// ```
    public struct Evaluation: Codable, Equatable, Sendable {
        /// Number of examples.
        public var count: Int
        /// Top-1 accuracy.
        public var accuracy: Double
        /// Mean negative log-likelihood of the true class.
        public var nll: Double
        /// Mean Brier score.
        public var brier: Double
        /// Expected calibration error.
        public var ece: Double
        /// Maximum calibration error.
        public var mce: Double
        /// The bootstrap interval `[lower, upper]` of the ECE; nil when none was drawn.
        @NullEncoded public var eceInterval: [Double]?
        /// The reliability diagram's bins.
        public var bins: [Bin]

        /// The entry of `metrics`, with the ECE's bootstrap `interval` when there is one.
        public init(_ metrics: CalibrationMetrics, interval: BootstrapInterval?) {
            count = metrics.count
            accuracy = metrics.accuracy
            nll = metrics.nll
            brier = metrics.brier
            ece = metrics.ece
            mce = metrics.mce
            eceInterval = interval.map { [$0.lower, $0.upper] }
            bins = metrics.reliability.bins.map(Bin.init)
        }

        private enum CodingKeys: String, CodingKey {
            case count = "n"
            case accuracy, nll, brier, ece, mce
            case eceInterval = "ece_interval"
            case bins
        }
    }

    /// One bin of a reliability diagram: the confidences `lower < conf ≤ upper`
    /// (the first bin also holds 0). Equal-width bins are all listed, empty ones
    /// with null statistics; equal-mass bins only when non-empty.
    ///
    /// ```text
    /// lower, upper  the bin's edges
    /// count         examples in the bin
    /// accuracy      their accuracy, or null when empty
    /// confidence    their mean confidence, or null when empty
    /// gap           confidence − accuracy (positive: over-confident), or null when empty
    /// ```
    public struct Bin: Codable, Equatable, Sendable {
        /// The lower edge (exclusive, except 0 in the first bin).
        public var lower: Double
        /// The upper edge (inclusive).
        public var upper: Double
        /// Examples in the bin.
        public var count: Int
        /// Their accuracy; nil when empty.
        @NullEncoded public var accuracy: Double?
        /// Their mean confidence; nil when empty.
        @NullEncoded public var confidence: Double?
        /// `confidence − accuracy`; nil when empty.
        @NullEncoded public var gap: Double?

        /// The entry of a diagram's bin.
        public init(_ bin: ReliabilityDiagram.Bin) {
            lower = bin.lower
            upper = bin.upper
            count = bin.count
            accuracy = bin.accuracy
            confidence = bin.confidence
            gap = bin.gap
        }
    }
}
