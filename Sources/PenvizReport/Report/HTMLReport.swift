import Foundation
import PenvizCore

/// A ``ReportDocument`` as one self-contained HTML page: the style sheet inline,
/// every figure inline (as SVG, or as a PNG `data:` URI), and nothing fetched
/// from anywhere, so the file can be mailed, archived or opened offline.
///
/// The markup is HTML5 written as well-formed XML (every element closed, every
/// attribute quoted, only the XML entities), so strict parsers read it too. The
/// column is 960 CSS pixels wide at most, where the report's 720-point figures
/// show their text at its nominal size; narrower windows and print scale every
/// figure alike, and the print style sheet keeps figures and tables whole.
public struct HTMLReport: Sendable {
    /// How figures are inlined.
    public enum Embed: String, Sendable, CaseIterable {
        /// As `<svg>` elements: sharp at every zoom, searchable, larger for big scatters.
        case svg
        /// As `<img>` elements with PNG `data:` URIs: smaller for big scatters, fixed resolution.
        case png
    }

    /// What the page says.
    public var document: ReportDocument
    /// The figures the document names, drawn.
    public var figures: [EncodedFigure]
    /// How they are inlined.
    public var embed: Embed

    /// The page of `document` with `figures`, inlined as `embed` says.
    public init(document: ReportDocument, figures: [EncodedFigure], embed: Embed = .svg) {
        self.document = document
        self.figures = figures
        self.embed = embed
    }

    /// The whole page.
    public var text: String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="penviz report"/>
            <title>\(Self.escaped(document.title))</title>
            <style>
            \(HTMLReport.styleSheet)</style>
            </head>
            <body>
            <main>
            <header>
            <p class="kicker">penviz report</p>
            <h1>\(Self.escaped(document.title))</h1>

            """
        html += document.lead.map { "<p class=\"lead\">\(Self.escaped($0))</p>\n" }.joined()
        html += "</header>\n"
        if !document.highlights.isEmpty {
            html += "<section class=\"highlights\" aria-labelledby=\"at-a-glance\">\n<h2 id=\"at-a-glance\">At a glance</h2>\n<ul>\n"
            html += document.highlights.map { "<li>\(Self.escaped($0))</li>\n" }.joined()
            html += "</ul>\n</section>\n"
        }
        html += "<nav class=\"contents\" aria-label=\"Contents\">\n<ol>\n"
        html += document.sections.map { "<li><a href=\"#\($0.id)\">\(Self.escaped($0.title))</a></li>\n" }.joined()
        html += "</ol>\n</nav>\n"
        for (index, section) in document.sections.enumerated() {
            html += "<section id=\"\(section.id)\">\n<h2><span class=\"number\">\(index + 1)</span> \(Self.escaped(section.title))</h2>\n"
            html += section.blocks.map(block).joined()
            html += "</section>\n"
        }
        html += "<footer>\n" + document.colophon.map { "<p>\(Self.escaped($0))</p>\n" }.joined() + "</footer>\n"
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    /// One block's markup.
    private func block(_ block: ReportDocument.Block) -> String {
        switch block {
        case .paragraph(let text):
            return "<p>\(Self.escaped(text))</p>\n"
        case .note(let text):
            return "<p class=\"note\">\(Self.escaped(text))</p>\n"
        case .findings(let sentences):
            return "<div class=\"findings\">\n<p class=\"findings-label\">Reading the numbers</p>\n<ul>\n"
                + sentences.map { "<li>\(Self.escaped($0))</li>\n" }.joined() + "</ul>\n</div>\n"
        case .table(let table):
            return Self.table(table)
        case .figure(let reference):
            return figure(reference)
        }
    }

    /// A figure with its caption, its graphic inlined.
    private func figure(_ reference: ReportDocument.FigureReference) -> String {
        guard let drawn = figures.first(where: { $0.name == reference.name }) else {
            preconditionFailure("HTMLReport: no drawn figure '\(reference.name)'")
        }
        let description = Self.escaped(reference.description)
        let graphic: String
        switch embed {
        case .svg:
            graphic = InlineSVG.element(
                drawn.svg, idPrefix: "\(reference.name)-",
                attributes: "class=\"graphic\" role=\"img\" aria-label=\"\(description)\"")
        case .png:
            // CSS pixels are 3/4 of a point: a 720-point page is 960 pixels wide.
            let width = Int((drawn.size.width * 4 / 3).rounded()), height = Int((drawn.size.height * 4 / 3).rounded())
            graphic = "<img class=\"graphic\" src=\"data:image/png;base64,\(Data(drawn.png).base64EncodedString())\""
                + " width=\"\(width)\" height=\"\(height)\" alt=\"\(description)\"/>"
        }
        return "<figure id=\"figure-\(reference.name)\">\n\(graphic)\n<figcaption><span class=\"label\">Figure \(reference.number).</span> "
            + "\(Self.escaped(reference.caption))</figcaption>\n</figure>\n"
    }

    /// A table: caption, header (with a row of spanning group headers when
    /// columns are grouped) and body, numeric columns right-aligned.
    private static func table(_ table: ReportTable) -> String {
        func classAttribute(_ column: Int) -> String {
            table.columns[column].numeric ? " class=\"num\"" : ""
        }
        var html = "<div class=\"table-wrap\">\n<table>\n<caption>\(escaped(table.caption))</caption>\n<thead>\n"
        let groups = table.groups
        if groups.contains(where: { $0.group != nil }) {
            html += "<tr>"
            var column = 0
            for (group, span) in groups {
                if let group {
                    html += "<th scope=\"colgroup\" colspan=\"\(span)\" class=\"group\">\(escaped(group))</th>"
                } else {
                    html += "<th scope=\"col\" rowspan=\"2\"\(classAttribute(column))>\(escaped(table.columns[column].header))</th>"
                }
                column += span
            }
            html += "</tr>\n<tr>"
            html += table.columns.indices.filter { table.columns[$0].group != nil }.map {
                "<th scope=\"col\"\(classAttribute($0))>\(escaped(table.columns[$0].header))</th>"
            }.joined()
        } else {
            html += "<tr>" + table.columns.indices.map {
                "<th scope=\"col\"\(classAttribute($0))>\(escaped(table.columns[$0].header))</th>"
            }.joined()
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.indices.map { column in
                let content: String
                switch row[column] {
                case .text(let text): content = escaped(text)
                case .code(let text): content = "<code>\(escaped(text))</code>"
                case .term(let key, let detail):
                    content = "<code>\(escaped(key))</code><span class=\"detail\">\(escaped(detail))</span>"
                }
                return "<td\(classAttribute(column))>\(content)</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    /// `text` safe inside an element or a double-quoted attribute: markup characters
    /// as entities, and control characters other than tab and line breaks, and
    /// noncharacters (which no XML document may hold), written as escapes (see ``VisibleText``).
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if VisibleText.needsEscape(scalar) {
                    result += scalar.escaped(asASCII: true)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
