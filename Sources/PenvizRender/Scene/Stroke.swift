/// How a line is drawn.
public struct Stroke: Equatable, Hashable, Sendable {
    /// The line colour.
    public var color: Color
    /// The line width in points.
    public var width: Double
    /// Alternating dash and gap lengths in points; empty for a solid line.
    public var dash: [Double]

    /// A stroke of `width` points in `color`, solid unless `dash` is given.
    public init(color: Color, width: Double, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}
