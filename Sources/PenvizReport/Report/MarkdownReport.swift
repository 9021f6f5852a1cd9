import PenvizCore
/// A ``ReportDocument`` as Markdown (GitHub-flavoured: pipe tables), for a
/// repository, a wiki or a Jupyter notebook. Figures are images linked from
/// `figures/NAME.svg`, each with a link to its PNG, so they render wherever the
/// file sits beside its `figures/` folder.
public struct MarkdownReport: Sendable {
    /// What the file says.
    public var document: ReportDocument
    /// The folder of the figures, relative to the Markdown file.
    public var figureFolder: String
    /// The figures' folder unless told otherwise.
    public static let defaultFigureFolder = "figures"

    /// The Markdown of `document`, its figures in `figureFolder`.
    public init(document: ReportDocument, figureFolder: String = defaultFigureFolder) {
        self.document = document
        self.figureFolder = figureFolder
    }

    /// The relative paths the file links to, in order: each figure's SVG, then its PNG.
    public var links: [String] {
        document.figures.flatMap { [svgPath($0), pngPath($0)] }
    }

    /// The whole file.
    public var text: String {
        var parts = ["# \(Self.escaped(document.title))"]
        parts += document.lead.map(Self.escaped)
        if !document.highlights.isEmpty {
            parts.append("**At a glance**\n\n" + document.highlights.map { "- \(Self.escaped($0))" }.joined(separator: "\n"))
        }
        for (index, section) in document.sections.enumerated() {
            parts.append("## \(index + 1) \(Self.escaped(section.title))")
            parts += section.blocks.map(block)
        }
        parts.append("---")
        parts += document.colophon.map { "*\(Self.escaped($0))*" }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// One block's Markdown.
    private func block(_ block: ReportDocument.Block) -> String {
        switch block {
        case .paragraph(let text):
            return Self.escaped(text)
        case .note(let text):
            return "*\(Self.escaped(text))*"
        case .findings(let sentences):
            return "> **Reading the numbers**\n>\n" + sentences.map { "> - \(Self.escaped($0))" }.joined(separator: "\n")
        case .table(let table):
            return Self.table(table)
        case .figure(let reference):
            return "![\(Self.escaped(reference.description))](\(svgPath(reference)))\n\n"
                + "**Figure \(reference.number).** \(Self.escaped(reference.caption)) [PNG](\(pngPath(reference)))"
        }
    }

    private func svgPath(_ reference: ReportDocument.FigureReference) -> String { "\(figureFolder)/\(reference.name).svg" }
    private func pngPath(_ reference: ReportDocument.FigureReference) -> String { "\(figureFolder)/\(reference.name).png" }

    /// A pipe table with its caption in bold above it.
    private static func table(_ table: ReportTable) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        var lines = ["**\(escaped(table.caption))**", ""]
        lines.append(row(table.columns.map { column in escaped(column.group.map { "\($0) · \(column.header)" } ?? column.header) }))
        lines.append(row(table.columns.map { $0.numeric ? "---:" : ":---" }))
        for cells in table.rows {
            lines.append(row(cells.map { cell in
                switch cell {
                case .text(let text): escaped(text)
                case .code(let text): code(text)
                case .term(let key, let detail): "\(code(key)) — \(escaped(detail))"
                }
            }))
        }
        return lines.joined(separator: "\n")
    }

    /// `text` as a code span; a backquote becomes an apostrophe, a bar is escaped for
    /// the table, and control characters are written as escapes (see ``VisibleText``).
    private static func code(_ text: String) -> String {
        "`\(VisibleText.escaped(text).replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|"))`"
    }

    /// `text` with Markdown's active characters escaped, so it reads as written and
    /// cannot open a heading, a fence, a link, an entity or a new line: control
    /// characters become escapes (see ``VisibleText``), and `\ ` * _ [ ] < > | # ~ & !`
    /// get a backslash.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in VisibleText.escaped(text) {
            if "\\`*_[]<>|#~&!".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
