import Foundation
import FoundationXML
import Testing

@testable import PenvizReport

/// `HTMLReport`: the page parses as XML, holds the figures and tables, and
/// references nothing outside itself.
@Suite("Report HTML")
struct ReportHTMLTests {
    /// What a strict XML parse of the page found.
    final class Scan: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        var attributes: [(element: String, name: String, value: String)] = []
        var path: [String] = []
        /// Elements directly inside a `figure`, per figure.
        var figureChildren: [[String]] = []
        var styleText = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements[name, default: 0] += 1
            for (key, value) in attributes { self.attributes.append((name, key, value)) }
            if name == "figure" { figureChildren.append([]) }
            if path.last == "figure" { figureChildren[figureChildren.count - 1].append(name) }
            path.append(name)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            path.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if path.last == "style" { styleText += string }
        }

        /// The values of every attribute called `name`.
        func values(_ name: String) -> [String] { attributes.filter { $0.name == name }.map(\.value) }
    }

    /// Parses `html` strictly (its doctype stripped, as XML has none for HTML5).
    static func scan(_ html: String) throws -> Scan {
        let doctype = "<!DOCTYPE html>\n"
        #expect(html.hasPrefix(doctype))
        let parser = XMLParser(data: Data(html.dropFirst(doctype.count).utf8))
        let scan = Scan()
        parser.delegate = scan
        let parsed = parser.parse()
        #expect(parsed, "XML error: \(parser.parserError.map { "\($0)" } ?? "none") at line \(parser.lineNumber)")
        return scan
    }

    static func page(embed: HTMLReport.Embed, augmented: Bool = true) throws -> String {
        let content = try ReportTestRuns.content(augmented: augmented)
        return HTMLReport(document: content.document, figures: try content.figures.map(EncodedFigure.init), embed: embed).text
    }

    @Test("inline SVG: parses strictly, four figures of one <svg> each, six tables, ids unique and every #reference resolves")
    func svgPage() throws {
        let scan = try Self.scan(Self.page(embed: .svg))
        #expect(scan.elements["figure"] == 4)
        #expect(scan.figureChildren == Array(repeating: ["svg", "figcaption"], count: 4))
        #expect(scan.elements["img"] == nil)
        #expect(scan.elements["table"] == 6)
        #expect(scan.elements["section"] == 7)  // at a glance + six numbered sections
        let ids = scan.values("id")
        #expect(Set(ids).count == ids.count, "duplicate ids across the inlined figures")
        let references = (scan.values("href") + scan.values("xlink:href")).filter { $0.hasPrefix("#") }
        #expect(!references.isEmpty)
        #expect(references.allSatisfy { Set(ids).contains(String($0.dropFirst())) })
    }

    @Test("PNG data URIs: four <img> holding PNG files, no <svg>")
    func pngPage() throws {
        let scan = try Self.scan(Self.page(embed: .png))
        #expect(scan.elements["img"] == 4 && scan.elements["svg"] == nil)
        for source in scan.values("src") {
            let prefix = "data:image/png;base64,"
            #expect(source.hasPrefix(prefix))
            let bytes = Data(base64Encoded: String(source.dropFirst(prefix.count)))
            #expect(bytes?.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        }
        #expect(scan.values("alt").count == 4)
    }

    @Test("nothing outside the file: no http(s) or relative src/href, no url() but to #fragments, no @import")
    func selfContained() throws {
        for embed in HTMLReport.Embed.allCases {
            let html = try Self.page(embed: embed)
            let scan = try Self.scan(html)
            for (element, name, value) in scan.attributes where ["src", "href", "xlink:href", "action", "data", "poster"].contains(name) {
                #expect(value.hasPrefix("#") || value.hasPrefix("data:"), "\(element) \(name)=\(value.prefix(60))")
            }
            for (element, name, value) in scan.attributes where value.contains("http") {
                #expect(name.hasPrefix("xmlns"), "\(element) \(name)=\(value.prefix(60)) points outside")
            }
            var rest = Substring(html)
            while let range = rest.range(of: "url(") {
                #expect(rest[range.upperBound...].hasPrefix("#"), "url( to something other than a fragment")
                rest = rest[range.upperBound...]
            }
            #expect(!scan.styleText.isEmpty && !scan.styleText.contains("@import") && !scan.styleText.contains("@font-face"))
            #expect(scan.elements["script"] == nil && scan.elements["link"] == nil && scan.elements["iframe"] == nil)
        }
    }

    @Test("without augmented logits the erasure section is a note, with three figures and five tables")
    func erasureSkipped() throws {
        let html = try Self.page(embed: .svg, augmented: false)
        let scan = try Self.scan(html)
        #expect(scan.elements["figure"] == 3 && scan.elements["table"] == 5)
        #expect(html.contains("<p class=\"note\">Not measured: no run stores augmented logits.</p>"))
    }

    @Test("text is escaped: markup in a title stays text")
    func escaping() throws {
        let content = try ReportTestRuns.content(augmented: false)
        var document = content.document
        document.title = "a < b & \"c\" > d"
        let html = HTMLReport(document: document, figures: try content.figures.map(EncodedFigure.init)).text
        #expect(html.contains("<h1>a &lt; b &amp; &quot;c&quot; &gt; d</h1>"))
        _ = try Self.scan(html)
    }
}
