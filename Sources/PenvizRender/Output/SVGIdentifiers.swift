/// Makes the element ids in Cairo's SVG output independent of the process.
///
/// Cairo's SVG surface names the definitions it emits after counters (`surface5`,
/// `clip2`, `image7`, …), and some of those counters, such as surface ids, are
/// global to the process: the second figure drawn in one process gets other
/// numbers than the first, although the drawing is the same. Since the document's
/// structure is otherwise identical, renumbering each prefix's ids 1, 2, 3, … in
/// the order their definitions (`id="…"`) appear gives the same bytes however
/// many figures the process drew before. Only ids and their references
/// (`id="x"`, `href="#x"`, `url(#x)`) change; Cairo's drawing is left as written.
/// Glyph ids (`glyph0-1`) are numbered per document and kept.
enum SVGIdentifiers {
    /// `svg` with every `letters+digits` id renumbered per prefix in order of definition.
    static func renumbered(_ svg: [UInt8]) -> [UInt8] {
        let definition = Array("id=\"".utf8)
        var renamed: [ArraySlice<UInt8>: [UInt8]] = [:]
        var counters: [ArraySlice<UInt8>: Int] = [:]
        var index = 0
        while let start = find(definition, in: svg, from: index) {
            let nameStart = start + definition.count
            index = nameStart
            guard let (prefix, end) = identifier(in: svg, at: nameStart), end < svg.count, svg[end] == UInt8(ascii: "\"")
            else { continue }
            let name = svg[nameStart..<end]
            guard renamed[name] == nil else { continue }
            let number = (counters[prefix] ?? 0) + 1
            counters[prefix] = number
            renamed[name] = Array(prefix) + Array(String(number).utf8)
        }
        guard !renamed.isEmpty else { return svg }

        // Copy the text between names in runs; only a name after `id="` or `#`
        // that ends at `"` or `)` and was defined is replaced.
        var output: [UInt8] = []
        output.reserveCapacity(svg.count)
        var copied = 0
        index = 0
        while index < svg.count {
            let byte = svg[index]
            index += 1
            let opensName = byte == UInt8(ascii: "#")
                || (byte == UInt8(ascii: "\"") && index >= 4 && svg[(index - 4)..<index].elementsEqual(definition))
            guard opensName, let (_, end) = identifier(in: svg, at: index), end < svg.count,
                  svg[end] == UInt8(ascii: "\"") || svg[end] == UInt8(ascii: ")"),
                  let replacement = renamed[svg[index..<end]] else { continue }
            output += svg[copied..<index]
            output += replacement
            index = end
            copied = end
        }
        output += svg[copied...]
        return output
    }

    /// The letters of an identifier of the form letters+digits starting at
    /// `start`, and the index just past its digits.
    private static func identifier(in bytes: [UInt8], at start: Int) -> (ArraySlice<UInt8>, Int)? {
        var index = start
        while index < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index] | 0x20) { index += 1 }
        let lettersEnd = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard lettersEnd > start, index > lettersEnd else { return nil }
        return (bytes[start..<lettersEnd], index)
    }

    /// The first index at or after `from` where `needle` occurs in `bytes`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = from
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
