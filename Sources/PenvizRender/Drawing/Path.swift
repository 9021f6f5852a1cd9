/// A shape on the page, in page coordinates, made of straight segments and circles.
public struct Path: Equatable, Sendable {
    /// One step of a path.
    public enum Element: Equatable, Sendable {
        /// Start a new sub-path at a point.
        case move(Point)
        /// A straight segment to a point.
        case line(Point)
        /// A whole circle as its own sub-path.
        case circle(center: Point, radius: Double)
        /// Join the sub-path back to its start.
        case close
    }

    /// The steps, in order.
    public var elements: [Element]

    /// A path of the given steps.
    public init(_ elements: [Element]) {
        self.elements = elements
    }

    /// A polyline through `points`, closed into a polygon when asked.
    public static func polyline(_ points: [Point], closed: Bool = false) -> Path {
        guard let first = points.first else { return Path([]) }
        return Path([.move(first)] + points.dropFirst().map { .line($0) } + (closed ? [.close] : []))
    }

    /// The outline of `rect`.
    public static func rectangle(_ rect: Rect) -> Path {
        polyline([rect.origin, Point(x: rect.maxX, y: rect.minY), Point(x: rect.maxX, y: rect.maxY),
                  Point(x: rect.minX, y: rect.maxY)], closed: true)
    }

    /// A circle.
    public static func circle(center: Point, radius: Double) -> Path {
        Path([.circle(center: center, radius: radius)])
    }
}
