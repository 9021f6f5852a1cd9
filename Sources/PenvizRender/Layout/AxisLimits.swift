/// The data ranges a plot area shows.
public struct AxisLimits: Equatable, Sendable {
    /// The horizontal range.
    public var x: ClosedRange<Double>
    /// The vertical range.
    public var y: ClosedRange<Double>

    /// Limits from the two ranges.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.x = x
        self.y = y
    }

    /// The width of the horizontal range.
    public var width: Double { x.upperBound - x.lowerBound }
    /// The height of the vertical range.
    public var height: Double { y.upperBound - y.lowerBound }
    /// The middle of both ranges.
    public var center: Point { Point(x: (x.lowerBound + x.upperBound) / 2, y: (y.lowerBound + y.upperBound) / 2) }

    /// The smallest limits holding both.
    public func union(_ other: AxisLimits) -> AxisLimits {
        AxisLimits(x: min(x.lowerBound, other.x.lowerBound)...max(x.upperBound, other.x.upperBound),
                   y: min(y.lowerBound, other.y.lowerBound)...max(y.upperBound, other.y.upperBound))
    }

    /// The smallest limits holding every finite point, or `nil` when there is none.
    public static func bounding<S: Sequence>(_ points: S) -> AxisLimits? where S.Element == Point {
        var bounds: AxisLimits?
        for point in points where point.isFinite {
            let box = AxisLimits(x: point.x...point.x, y: point.y...point.y)
            bounds = bounds.map { $0.union(box) } ?? box
        }
        return bounds
    }

    /// Limits grown on every side by `fraction` of the data extent, so no point sits
    /// on the frame. With `equal` set, both axes grow by the same amount (a fraction
    /// of the larger extent). A range without width grows to a visible one: by a
    /// tenth of its magnitude, or by 1 around zero.
    public func padded(by fraction: Double, equal: Bool) -> AxisLimits {
        func widened(_ range: ClosedRange<Double>, by amount: Double) -> ClosedRange<Double> {
            var amount = amount
            if amount <= 0 {
                let magnitude = max(abs(range.lowerBound), abs(range.upperBound))
                amount = magnitude > 0 ? magnitude / 10 : 1
            }
            return (range.lowerBound - amount)...(range.upperBound + amount)
        }
        let largest = max(width, height)
        return AxisLimits(x: widened(x, by: fraction * (equal ? largest : width)),
                          y: widened(y, by: fraction * (equal ? largest : height)))
    }

    /// Limits centred on `center` that fill a plot area of `size` points at
    /// `unitsPerPoint` data units a point on both axes.
    public static func equalAspect(center: Point, unitsPerPoint: Double, size: Size) -> AxisLimits {
        let halfWidth = size.width * unitsPerPoint / 2
        let halfHeight = size.height * unitsPerPoint / 2
        return AxisLimits(x: (center.x - halfWidth)...(center.x + halfWidth),
                          y: (center.y - halfHeight)...(center.y + halfHeight))
    }

    /// The fewest data units a point that shows these limits whole in a plot area of `size`.
    public func unitsPerPoint(toFit size: Size) -> Double {
        max(width / size.width, height / size.height)
    }
}
