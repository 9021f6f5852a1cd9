/// Which point of a line of text sits at the position it is drawn at.
public struct TextAnchor: Equatable, Hashable, Sendable {
    /// Horizontal alignment, along the direction of writing.
    public enum Horizontal: Equatable, Hashable, Sendable {
        /// The text starts at the position.
        case leading
        /// The text is centred on the position.
        case center
        /// The text ends at the position.
        case trailing
    }

    /// Vertical alignment, across the direction of writing.
    public enum Vertical: Equatable, Hashable, Sendable {
        /// The font's ascent line is at the position.
        case top
        /// The middle between ascent and descent lines is at the position.
        case middle
        /// The baseline is at the position.
        case baseline
        /// The font's descent line is at the position.
        case bottom
    }

    /// Alignment along the line.
    public var horizontal: Horizontal
    /// Alignment across the line.
    public var vertical: Vertical

    /// An anchor from its two alignments.
    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// The offset from the anchor position to the start of the baseline, in the
    /// text's own (unrotated) frame, for text of the given extent.
    public func baselineOffset(for extent: TextExtent) -> Point {
        let dx: Double
        switch horizontal {
        case .leading: dx = 0
        case .center: dx = -extent.width / 2
        case .trailing: dx = -extent.width
        }
        let dy: Double
        switch vertical {
        case .top: dy = extent.ascent
        case .middle: dy = (extent.ascent - extent.descent) / 2
        case .baseline: dy = 0
        case .bottom: dy = -extent.descent
        }
        return Point(x: dx, y: dy)
    }
}
