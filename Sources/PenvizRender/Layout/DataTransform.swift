/// Maps a panel's data coordinates to page coordinates inside its plot area.
///
/// The lower left corner of the limits lands on the lower left corner of the
/// frame; data y grows upwards while page y grows downwards.
public struct DataTransform: Equatable, Sendable {
    /// The data ranges shown.
    public let limits: AxisLimits
    /// The plot area on the page.
    public let frame: Rect

    /// The transform showing `limits` in `frame`.
    public init(limits: AxisLimits, frame: Rect) {
        self.limits = limits
        self.frame = frame
    }

    /// Points on the page per horizontal data unit.
    public var xScale: Double { frame.width / limits.width }
    /// Points on the page per vertical data unit.
    public var yScale: Double { frame.height / limits.height }

    /// The page position of the data point (`x`, `y`).
    @inline(__always)
    public func page(x: Double, y: Double) -> Point {
        Point(x: frame.minX + (x - limits.x.lowerBound) * xScale,
              y: frame.maxY - (y - limits.y.lowerBound) * yScale)
    }

    /// The page position of a data point.
    public func page(_ point: Point) -> Point {
        page(x: point.x, y: point.y)
    }
}
