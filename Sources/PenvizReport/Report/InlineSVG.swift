/// Cairo's SVG made fit to sit in an HTML page beside other SVGs.
///
/// A standalone SVG file starts with an XML declaration, which may not appear
/// inside an HTML document, and names its definitions (`glyph0-1`, `clip1`, …)
/// the same way in every figure: two figures inlined in one page would take
/// each other's glyphs. So the declaration goes, and every id and every
/// reference to one (`id="x"`, `href="#x"`, `url(#x)`) gets the figure's prefix.
enum InlineSVG {
    /// The `<svg>` element of `svg` with its ids prefixed by `prefix` and
    /// `attributes` (already escaped, such as `class="graphic"`) added to its start tag.
    static func element(_ svg: [UInt8], idPrefix prefix: String, attributes: String) -> String {
        var text = String(decoding: svg, as: UTF8.self)
        if let start = text.range(of: "<svg") {
            text.removeSubrange(text.startIndex..<start.lowerBound)
        }
        for (pattern, replacement) in [(" id=\"", " id=\"\(prefix)"), ("href=\"#", "href=\"#\(prefix)"), ("url(#", "url(#\(prefix)")] {
            text = text.replacingOccurrences(of: pattern, with: replacement)
        }
        if text.hasPrefix("<svg") {
            text.replaceSubrange(text.startIndex..<text.index(text.startIndex, offsetBy: 4), with: "<svg \(attributes)")
        }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
