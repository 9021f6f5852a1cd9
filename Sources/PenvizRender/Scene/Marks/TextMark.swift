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
    /// The widest the text may be, in data units across (such as the width of the
    /// bar it labels): wider text is set in a smaller font, and left out when that
    /// font would be smaller than ``smallestFontSize``. Nil: any width.
    public var fitWidth: Double?

    /// The smallest size a text mark is shrunk to in order to fit ``fitWidth``, in points.
    public static let smallestFontSize = 4.0

    /// A text mark; by default 8 pt dark grey text anchored at its start on the baseline, of any width.
    public init(_ text: String, at position: Position, anchor: TextAnchor = TextAnchor(.leading, .baseline),
                font: Font = Font(size: 8), color: Color = Color(grey: 0.15), halo: Color? = nil, fitWidth: Double? = nil) {
        self.text = text
        self.position = position
        self.anchor = anchor
        self.font = font
        self.color = color
        self.halo = halo
        self.fitWidth = fitWidth
    }
}
