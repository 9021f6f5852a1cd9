/// What a report says, independent of how it is written: a title, a lead, the
/// headline findings, and sections of paragraphs, figures, tables and the
/// findings read off each table. ``HTMLReport`` and ``MarkdownReport`` write
/// the same document, so the two files always say the same thing.
///
/// Build one from the numbers with ``init(metrics:title:)``; every sentence in it
/// is generated from ``ReportMetrics`` (see ``Findings``).
public struct ReportDocument: Equatable, Sendable {
    /// One piece of a section, in reading order.
    public enum Block: Equatable, Sendable {
        /// A paragraph of text.
        case paragraph(String)
        /// A figure, by the name of its files.
        case figure(FigureReference)
        /// A table.
        case table(ReportTable)
        /// Plain-language sentences read off the table or figure above.
        case findings([String])
        /// A remark in the margin of the analysis: why something is missing, a caveat.
        case note(String)
    }

    /// Where a figure goes and what it shows.
    public struct FigureReference: Equatable, Sendable {
        /// The file name without extension: `figures/NAME.svg` and `figures/NAME.png`.
        public var name: String
        /// Its number in the report, from 1.
        public var number: Int
        /// The caption under it.
        public var caption: String
        /// A short description for readers who cannot see it (alt text).
        public var description: String

        /// A reference from its parts.
        public init(name: String, number: Int, caption: String, description: String) {
            self.name = name
            self.number = number
            self.caption = caption
            self.description = description
        }
    }

    /// One numbered section.
    public struct Section: Equatable, Sendable {
        /// The anchor of the section, such as `calibration`.
        public var id: String
        /// The heading.
        public var title: String
        /// The contents, in reading order.
        public var blocks: [Block]

        /// A section from its parts.
        public init(id: String, title: String, blocks: [Block]) {
            self.id = id
            self.title = title
            self.blocks = blocks
        }

        /// The figures of the section, in order.
        public var figures: [FigureReference] {
            blocks.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
        }
    }

    /// The report's title.
    public var title: String
    /// The paragraphs under the title: what was compared, and how.
    public var lead: [String]
    /// The headline findings, one sentence each, gathered from the sections.
    public var highlights: [String]
    /// The sections, in order.
    public var sections: [Section]
    /// The small print at the end: where the numbers and definitions are.
    public var colophon: [String]

    /// A document from its parts.
    public init(title: String, lead: [String], highlights: [String], sections: [Section], colophon: [String]) {
        self.title = title
        self.lead = lead
        self.highlights = highlights
        self.sections = sections
        self.colophon = colophon
    }

    /// Every figure of the document, in order.
    public var figures: [FigureReference] {
        sections.flatMap(\.figures)
    }
}
