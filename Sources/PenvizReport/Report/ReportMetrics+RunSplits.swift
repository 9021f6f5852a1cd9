import PenvizAnalysis

extension ReportMetrics {
    /// Every split of one run: the number of examples and the top-1 accuracy of
    /// its logits, beside the compared splits whose metrics ``ComparisonMetrics``
    /// holds (the run's K, D, α and file are there too, in `comparison.runs`).
    ///
    /// ```text
    /// label   the run's label (--labels, default the file name without extension)
    /// splits  [{name, n, logits: "stored" | "computed", accuracy}], in the run's order
    /// ```
    public struct RunSplits: Codable, Equatable, Sendable {
        /// The run's label.
        public var label: String
        /// Every split of the run.
        public var splits: [SplitSummary]

        /// A run entry from its parts.
        public init(label: String, splits: [SplitSummary]) {
            self.label = label
            self.splits = splits
        }
    }
}
