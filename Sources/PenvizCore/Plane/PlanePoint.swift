/// A point's coordinates in a ``TemplatePlane``: `p1` along the first basis
/// vector `e1`, `p2` along the second, `e2`, both measured from the plane's origin.
public struct PlanePoint: Hashable, Sendable, Codable {
    /// Coordinate along `e1`: `(x̃ − o)·e1`.
    public var p1: Double
    /// Coordinate along `e2`: `(x̃ − o)·e2`.
    public var p2: Double

    /// The point `(p1, p2)`.
    public init(p1: Double, p2: Double) {
        self.p1 = p1
        self.p2 = p2
    }

    /// The Euclidean distance to `other` in the plane.
    public func distance(to other: PlanePoint) -> Double {
        // ‖p − q‖ = sqrt((p1 − q1)² + (p2 − q2)²)
        let d1 = p1 - other.p1, d2 = p2 - other.p2
        return (d1 * d1 + d2 * d2).squareRoot()
    }
}
