import PenvizCore

extension ComparisonMetrics {
    /// One row of the figure: a triplet and the geometry of each of its panels.
    ///
    /// ```text
    /// kind        "given" (--classes), or the --auto criterion: "similar", "mixed",
    ///             "different" (by confusion), "closest", "farthest" (by templates)
    /// reason      why an automatic triplet was chosen, with its numbers; null for a given one
    /// ids         the three class ids, in plane order (a, b, c)
    /// names       their class names
    /// separation  mean pairwise distance of the three templates in the first run,
    ///             the quantity the automatic search ranks (equal to that run's panels' separation)
    /// panels      [PanelMetrics], one per run × split, in figure-column order
    /// ```
    public struct TripletMetrics: Codable, Equatable, Sendable {
        /// The triplet's class ids, `[a, b, c]`.
        public var ids: [Int]
        /// The class names, in the order of ``ids``.
        public var names: [String]
        /// How the triplet was chosen.
        public var kind: ComparedTriplet.Kind
        /// Why an automatic triplet was chosen; nil for a given one.
        @NullEncoded public var reason: String?
        /// Mean pairwise template distance in the first run.
        public var separation: Double
        /// The panels of the row, left to right.
        public var panels: [PanelMetrics]

        /// A triplet entry from its parts.
        public init(kind: ComparedTriplet.Kind, reason: String? = nil, ids: [Int], names: [String], separation: Double,
                    panels: [PanelMetrics]) {
            self.kind = kind
            self.reason = reason
            self.ids = ids
            self.names = names
            self.separation = separation
            self.panels = panels
        }
    }
}
