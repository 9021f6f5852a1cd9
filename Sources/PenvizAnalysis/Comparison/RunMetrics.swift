import PenvizCore

extension ComparisonMetrics {
    /// One compared run and its metrics per split.
    ///
    /// ```text
    /// label    the run's column header (--labels, default the file name without extension)
    /// source   the file or folder it was read from
    /// alpha    label smoothing α (--label-smoothing, else the run's stored label_smoothing), or null
    /// K, D     number of classes and feature dimension
    /// splits   [SplitMetrics], in column order
    /// collapse SplitCollapse: neural collapse on train when the run has it, else on the first split
    /// ```
    public struct RunMetrics: Codable, Equatable, Sendable {
        /// The label the figure's column header shows.
        public var label: String
        /// The file or folder the run came from.
        public var source: String
        /// The run's label smoothing α; nil when unknown.
        @NullEncoded public var alpha: Double?
        /// Number of classes, K.
        public var classCount: Int
        /// Feature dimension, D.
        public var dimension: Int
        /// The metrics of each compared split.
        public var splits: [SplitMetrics]
        /// The neural-collapse figures of the run.
        public var collapse: SplitCollapse

        /// A run entry from its parts.
        public init(
            label: String, source: String, alpha: Double?, classCount: Int, dimension: Int, splits: [SplitMetrics], collapse: SplitCollapse
        ) {
            self.label = label
            self.source = source
            self.alpha = alpha
            self.classCount = classCount
            self.dimension = dimension
            self.splits = splits
            self.collapse = collapse
        }

        private enum CodingKeys: String, CodingKey {
            case label, source, alpha
            case classCount = "K"
            case dimension = "D"
            case splits, collapse
        }
    }
}
