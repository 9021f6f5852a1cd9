/// A line of text inside a panel, such as "ECE = 0.032".
public struct TextMark: Equatable, Sendable {
    /// Where a text mark is anchored.
    public enum Position: Equatable, Sendable {
        /// At a point in data coordinates.
        case data(Point)
        /// At a fraction of the plot area: (0, 0) its bottom left, (1, 1) its top right.
        case frame(x: Double, y: Double)
    }

    /// The text.
    public var text: String
    /// Where it is anchored.
    public var position: Position
    /// Which point of the text sits at the position.
    public var anchor: TextAnchor
    /// The font.
    public var font: Font
    /// The text colour.
    public var color: Color
    /// A contrasting outline behind the glyphs that keeps the text readable over points.
    public var halo: Color?

    /// A text mark; by default 8 pt dark grey text anchored at its start on the baseline.
    public init(_ text: String, at position: Position, anchor: TextAnchor = TextAnchor(.leading, .baseline),
                font: Font = Font(size: 8), color: Color = Color(grey: 0.15), halo: Color? = nil) {
        self.text = text
        self.position = position
        self.anchor = anchor
        self.font = font
        self.color = color
        self.halo = halo
    }
}
