/// A line of text with its final position on the page.
public struct PlacedText: Equatable, Sendable {
    /// Which way the text reads.
    public enum Orientation: Equatable, Sendable {
        /// Left to right.
        case horizontal
        /// Bottom to top, turned a quarter counter-clockwise (row labels, y-axis labels).
        case upward
    }

    /// The text.
    public var text: String
    /// The anchor position on the page.
    public var position: Point
    /// Which point of the text sits at `position`.
    public var anchor: TextAnchor
    /// The font.
    public var font: Font
    /// The colour.
    public var color: Color
    /// Which way it reads.
    public var orientation: Orientation
    /// The box the text covers on the page, from the layout's font metrics.
    public var bounds: Rect

    /// Text placed at `position`, its bounds measured with `metrics`.
    public init(_ text: String, at position: Point, anchor: TextAnchor, font: Font, color: Color,
                orientation: Orientation = .horizontal, metrics: some FontMetrics) {
        self.text = text
        self.position = position
        self.anchor = anchor
        self.font = font
        self.color = color
        self.orientation = orientation
        let extent = metrics.measure(text, in: font)
        let offset = anchor.baselineOffset(for: extent)
        // The box in the text's own frame: x along the baseline, y downwards.
        let left = offset.x, top = offset.y - extent.ascent
        switch orientation {
        case .horizontal:
            bounds = Rect(x: position.x + left, y: position.y + top, width: extent.width, height: extent.height)
        case .upward:
            // Turning a quarter counter-clockwise maps (u, v) to (v, −u).
            bounds = Rect(x: position.x + top, y: position.y - left - extent.width,
                          width: extent.height, height: extent.width)
        }
    }
}
