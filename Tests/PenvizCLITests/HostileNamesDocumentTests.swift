import Foundation
import FoundationXML
import Testing

/// Class names holding control characters, Markdown's and HTML's active characters
/// and fences still give well-formed documents: report.html and every SVG parse as
/// XML, and report.md has exactly its own headings, fences and lines.
@Suite("Hostile names in documents")
struct HostileNamesDocumentTests {
    /// Noncharacters (U+FFFF, U+FDD0) built from their code points: XML refuses them and Cairo calls them invalid UTF-8.
    static let noncharacters = [0xFFFF, 0xFDD0].map { String(Character(Unicode.Scalar(UInt32($0))!)) }
    static let names = ["c\u{01}at\u{1B}[31m" + noncharacters[0], "do\ng\n# head", "```owl~~~ <b>&amp;" + noncharacters[1]]

    /// True when `data` parses as XML (after an HTML5 doctype, when there is one).
    func parsesAsXML(_ text: String) -> Bool {
        let body = text.hasPrefix("<!DOCTYPE html>\n") ? String(text.dropFirst("<!DOCTYPE html>\n".count)) : text
        return XMLParser(data: Data(body.utf8)).parse()
    }

    @Test func reportDocumentsKeepTheirStructure() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        run.write("class_names", NpyBytes.unicode(Self.names))
        run.write("val_logits", NpyBytes.float64([0, 2, 4, 0, 4, 2, 0, 0, 2, 0, 10, 12], shape: [4, 3]))
        let out = run.path("report")
        let result = try PenvizProcess.run(["report", run.run.path, run.run.path, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")

        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(parsesAsXML(html))
        for name in try FileManager.default.contentsOfDirectory(atPath: out + "/figures") where name.hasSuffix(".svg") {
            #expect(parsesAsXML(try String(contentsOfFile: out + "/figures/" + name, encoding: .utf8)), "\(name)")
        }
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(headings.count == 7, "\(headings)")
        #expect(!headings.contains { $0.contains("head") })
        #expect(!markdown.split(separator: "\n").contains { $0.hasPrefix("```") || $0.hasPrefix("~~~") })
        for text in [html, markdown] {
            #expect(!text.unicodeScalars.contains { $0 != "\n" && $0.properties.generalCategory == .control })
        }
        #expect(markdown.contains(##"do\\ng\\n\# head"##), "the name shows, escaped")
        // In HTML a line break inside text is a space: the name stays text, its control characters escaped.
        #expect(html.contains("do\ng\n# head") && html.contains(#"c\u{01}at\u{1B}[31m"#))
    }
}
