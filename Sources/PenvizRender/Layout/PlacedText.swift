import PenvizCore

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

    /// Text placed at `position`, its bounds measured with `metrics`. Text longer than
    /// `maxWidth` (along its reading direction) is cut and ends in "…" (see
    /// ``fitted(_:maxWidth:font:metrics:)``).
    public init(_ text: String, at position: Point, anchor: TextAnchor, font: Font, color: Color,
                orientation: Orientation = .horizontal, maxWidth: Double? = nil, metrics: some FontMetrics) {
        // Control characters (from a class name) are drawn as escapes, not as missing glyphs.
        let visible = VisibleText.escaped(text)
        let text = maxWidth.map { PlacedText.fitted(visible, maxWidth: $0, font: font, metrics: metrics) } ?? visible
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

    /// `text` when it is at most `maxWidth` points long in `font`, else its longest
    /// beginning that fits with "…" after it (just "…" when nothing fits): long class
    /// names (ImageNet's run past 100 characters) stay inside legends and captions.
    public static func fitted(_ text: String, maxWidth: Double, font: Font, metrics: some FontMetrics) -> String {
        guard metrics.measure(text, in: font).width > maxWidth else { return text }
        let characters = Array(text)
        // The longest prefix that fits, by bisection on its length in characters.
        var fits = 0, tooLong = characters.count
        while tooLong - fits > 1 {
            let middle = (fits + tooLong) / 2
            let candidate = String(characters[..<middle]).trimmingTrailingSpaces + "…"
            if metrics.measure(candidate, in: font).width <= maxWidth { fits = middle } else { tooLong = middle }
        }
        return String(characters[..<fits]).trimmingTrailingSpaces + "…"
    }

    /// `text` in at most `maxLines` lines of at most `maxWidth` points in `font`,
    /// each as full as it can be: broken between the items of a ` · ` list when
    /// that fits, else at spaces. The last line takes whatever is left and is cut
    /// with "…" (see ``fitted(_:maxWidth:font:metrics:)``) when that does not fit.
    public static func wrapped(_ text: String, maxWidth: Double, maxLines: Int, font: Font,
                               metrics: some FontMetrics) -> [String] {
        let byItem = filled(text.components(separatedBy: " · "), separator: " · ", maxWidth: maxWidth, maxLines: maxLines,
                            font: font, metrics: metrics)
        let lines = byItem.allSatisfy { metrics.measure($0, in: font).width <= maxWidth }
            ? byItem
            : filled(text.split(separator: " ").map(String.init), separator: " ", maxWidth: maxWidth, maxLines: maxLines,
                     font: font, metrics: metrics)
        return lines.map { fitted($0, maxWidth: maxWidth, font: font, metrics: metrics) }
    }

    /// `pieces` joined by `separator` into lines filled greedily up to `maxWidth`;
    /// the last of `maxLines` lines takes every piece left, whatever its width.
    private static func filled(_ pieces: [String], separator: String, maxWidth: Double, maxLines: Int, font: Font,
                               metrics: some FontMetrics) -> [String] {
        var pieces = pieces.filter { !$0.isEmpty }[...]
        var lines: [String] = []
        while lines.count < maxLines - 1, let first = pieces.first {
            var line = first
            pieces.removeFirst()
            while let next = pieces.first, metrics.measure(line + separator + next, in: font).width <= maxWidth {
                line += separator + next
                pieces.removeFirst()
            }
            lines.append(line)
        }
        if !pieces.isEmpty { lines.append(pieces.joined(separator: separator)) }
        return lines
    }
}

private extension String {
    /// The string without the spaces at its end (so a cut never ends in " …").
    var trimmingTrailingSpaces: String {
        var trimmed = self
        while trimmed.last == " " { trimmed.removeLast() }
        return trimmed
    }
}
