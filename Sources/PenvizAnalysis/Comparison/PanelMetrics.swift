import PenvizCore

extension ComparisonMetrics {
    /// The geometry of one panel, one run's split on one triplet's plane, in
    /// plane units (DESIGN.md §3), over every example of the three classes
    /// (never a plotting subsample).
    ///
    /// ```text
    /// run         the run's label
    /// split       the split's name
    /// spreads     [{id, name, n, spread}] per class a, b, c: spread = sqrt(mean ‖p − centroid‖²), null when n = 0
    /// separation  mean of the three pairwise template distances in the plane
    /// tightness   mean spread / separation (smaller is tighter); null when a class has no points
    /// ```
    public struct PanelMetrics: Codable, Equatable, Sendable {
        /// The spread of one class of the panel.
        public struct ClassSpread: Codable, Equatable, Sendable {
            /// The class id.
            public var id: Int
            /// The class name.
            public var name: String
            /// How many examples of the class the split holds.
            public var count: Int
            /// RMS distance to the class centroid; nil when the class has no examples.
            @NullEncoded public var spread: Double?

            /// A class spread from its parts.
            public init(id: Int, name: String, count: Int, spread: Double?) {
                self.id = id
                self.name = name
                self.count = count
                self.spread = spread
            }

            private enum CodingKeys: String, CodingKey {
                case id, name
                case count = "n"
                case spread
            }
        }

        /// The label of the panel's run.
        public var run: String
        /// The name of the panel's split.
        public var split: String
        /// The spreads of classes a, b and c.
        public var spreads: [ClassSpread]
        /// Mean pairwise distance between the templates in the plane.
        public var separation: Double
        /// Mean spread over separation; nil when a class has no examples.
        @NullEncoded public var tightness: Double?

        /// A panel entry from its parts.
        public init(run: String, split: String, spreads: [ClassSpread], separation: Double, tightness: Double?) {
            self.run = run
            self.split = split
            self.spreads = spreads
            self.separation = separation
            self.tightness = tightness
        }

        /// Measures the panel whose points are `points`: every example of the plane's
        /// three classes in split `split` of the run labelled `run`, whose K class names are `classNames`.
        public init(measuring points: PlanePoints, run: String, split: String, classNames: [String]) {
            let geometry = PanelGeometry(points: points.points, labels: points.labels, plane: points.plane)
            self.init(
                run: run, split: split,
                spreads: geometry.spreads.map {
                    ClassSpread(id: $0.classID, name: classNames[$0.classID], count: $0.count, spread: $0.spread)
                },
                separation: geometry.separation, tightness: geometry.tightness)
        }
    }
}
