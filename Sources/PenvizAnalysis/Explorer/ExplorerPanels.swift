import PenvizCore

/// The panels of one triplet in every run and split of an ``Explorer``: run by
/// run, split by split, as the columns of `penviz compare`'s figure.
public struct ExplorerPanels: Sendable {
    /// One run's split on the triplet's plane.
    public struct Panel: Sendable {
        /// The run's label.
        public let run: String
        /// The split's name.
        public let split: String
        /// Where the run is in ``Explorer/runs``, and the split in its ``Explorer/ExplorerRun/splits``.
        public let runIndex: Int, splitIndex: Int
        /// The points of the triplet's classes among the kept rows, in row order.
        public let points: PlanePoints
        /// Each point's index among the split's kept rows (for its file row, prediction and confidence).
        public let rows: [Int]
        /// Spreads, separation and tightness, as `penviz compare` measures a panel, on these points.
        public let metrics: ComparisonMetrics.PanelMetrics
    }

    /// The classes a, b, c.
    public let triplet: Triplet
    /// Their names.
    public let names: [String]
    /// Run by run, split by split.
    public let panels: [Panel]
}
