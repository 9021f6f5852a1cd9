/// A polyline or polygon in data coordinates: reference lines, bars, shaded gaps.
public struct PathMark: Equatable, Sendable {
    /// The vertices in data coordinates.
    public var points: [Point]
    /// Whether the last vertex joins back to the first.
    public var closed: Bool
    /// The fill colour of a closed path; `nil` for no fill.
    public var fill: Color?
    /// The outline; `nil` for none.
    public var stroke: Stroke?

    /// A path through `points`.
    public init(points: [Point], closed: Bool = false, fill: Color? = nil, stroke: Stroke? = nil) {
        self.points = points
        self.closed = closed
        self.fill = fill
        self.stroke = stroke
    }

    /// The axis-aligned rectangle spanning data coordinates `x` by `y`.
    public static func rectangle(x: ClosedRange<Double>, y: ClosedRange<Double>,
                                 fill: Color? = nil, stroke: Stroke? = nil) -> PathMark {
        PathMark(points: [Point(x: x.lowerBound, y: y.lowerBound), Point(x: x.upperBound, y: y.lowerBound),
                          Point(x: x.upperBound, y: y.upperBound), Point(x: x.lowerBound, y: y.upperBound)],
                 closed: true, fill: fill, stroke: stroke)
    }
}
