/// How tight and how far apart the three classes of one panel are, in plane
/// units (DESIGN.md §3, geometry of the triplet's panel).
///
/// - `spread_k = sqrt(mean over class-k points of ‖p − centroid_k‖²)`, the RMS
///   distance of a class's points to their centroid; null for a class with no
///   points in the split (a warning, not an error);
/// - `separation` = mean of the three pairwise distances between the in-plane
///   template positions;
/// - `tightness = mean_k(spread_k) / separation` (smaller is tighter); null when
///   any of the three spreads is null.
public struct PanelGeometry: Codable, Sendable, Equatable {
    /// The spread of one class's points.
    public struct ClassSpread: Codable, Sendable, Equatable {
        /// The class id.
        public let classID: Int
        /// How many of the class's points the panel holds.
        public let count: Int
        /// RMS distance to the class centroid; nil when `count` is 0.
        public let spread: Double?
    }

    /// The spreads of classes a, b and c, in the triplet's order.
    public let spreads: [ClassSpread]
    /// Mean pairwise distance between the three templates in the plane.
    public let separation: Double
    /// Mean spread over separation; nil when a class has no points.
    public let tightness: Double?

    /// The geometry of the projected `points` of a panel, whose class ids are `labels`
    /// (the two arrays run in parallel). Points of classes outside the plane's triplet are ignored.
    public init(points: [PlanePoint], labels: [Int], plane: TemplatePlane) {
        precondition(points.count == labels.count, "PanelGeometry: \(points.count) points but \(labels.count) labels")
        spreads = plane.triplet.ids.map { classID in
            let members = zip(points, labels).compactMap { $1 == classID ? $0 : nil }
            return ClassSpread(classID: classID, count: members.count, spread: Self.rootMeanSquareRadius(members))
        }
        let t = plane.templateCoordinates
        // separation = (‖t_a − t_b‖ + ‖t_a − t_c‖ + ‖t_b − t_c‖) / 3, in plane coordinates
        separation = (t[0].distance(to: t[1]) + t[0].distance(to: t[2]) + t[1].distance(to: t[2])) / 3
        let values = spreads.compactMap(\.spread)
        // tightness = mean_k(spread_k) / separation
        tightness = values.count == 3 ? (values[0] + values[1] + values[2]) / 3 / separation : nil
    }

    /// The classes of the triplet that have no points in the panel (their spread is null).
    public var emptyClasses: [Int] {
        spreads.filter { $0.count == 0 }.map(\.classID)
    }

    /// sqrt(mean ‖p − c‖²), c the centroid of `points`; nil for no points.
    private static func rootMeanSquareRadius(_ points: [PlanePoint]) -> Double? {
        guard !points.isEmpty else { return nil }
        let n = Double(points.count)
        // c = (1/n) Σ p
        var sum1 = CompensatedSum(), sum2 = CompensatedSum()
        for point in points {
            sum1.add(point.p1)
            sum2.add(point.p2)
        }
        let centroid = PlanePoint(p1: sum1.value / n, p2: sum2.value / n)
        // (1/n) Σ ‖p − c‖²
        var squares = CompensatedSum()
        for point in points {
            let d1 = point.p1 - centroid.p1, d2 = point.p2 - centroid.p2
            squares.add(d1 * d1 + d2 * d2)
        }
        return (squares.value / n).squareRoot()
    }
}
