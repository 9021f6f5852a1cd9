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
        let patterns: [[UInt8]] = [Array(" id=\"".utf8), Array("href=\"#".utf8), Array("url(#".utf8)]
        let prefixBytes = Array(prefix.utf8)
        let open = Array("<svg".utf8)
        var position = firstIndex(of: open, in: svg) ?? 0
        var end = svg.count
        while end > position, [0x20, 0x09, 0x0A, 0x0D].contains(svg[end - 1]) { end -= 1 }

        // One pass over the bytes: copy them, adding the prefix after every pattern.
        var out: [UInt8] = []
        out.reserveCapacity(end - position + end / 64 + attributes.utf8.count)
        if svg[position...].starts(with: open) {
            out += Array("<svg \(attributes)".utf8)
            position += open.count
        }
        scan: while position < end {
            let byte = svg[position]
            // Each pattern starts with " ", "h" or "u".
            if byte == 0x20 || byte == 0x68 || byte == 0x75 {
                for pattern in patterns where svg[position..<end].starts(with: pattern) {
                    out += pattern
                    out += prefixBytes
                    position += pattern.count
                    continue scan
                }
            }
            out.append(byte)
            position += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first index where `bytes` holds `pattern`.
    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        return (0...(bytes.count - pattern.count)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}
