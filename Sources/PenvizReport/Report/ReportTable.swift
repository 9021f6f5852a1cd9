/// A table of the report, written the same way as HTML and as Markdown: a
/// caption, a header row, and body rows of plain or code cells.
///
/// Numeric columns are right-aligned; a code cell (a metric's key such as
/// `gap`, a file name) is set in a monospaced font. Neighbouring columns of the
/// same group (a split, say) share a spanning header in HTML; Markdown, which
/// has one header row, writes `group · header`.
public struct ReportTable: Equatable, Sendable {
    /// One column: its header, its group, and whether it holds numbers.
    public struct Column: Equatable, Sendable {
        /// The header cell.
        public var header: String
        /// The header spanning this column and its neighbours of the same group; nil for none.
        public var group: String?
        /// True for a column of numbers (right-aligned).
        public var numeric: Bool

        /// A column from its parts.
        public init(_ header: String, group: String? = nil, numeric: Bool = true) {
            self.header = header
            self.group = group
            self.numeric = numeric
        }
    }

    /// One cell of the body.
    public enum Cell: Equatable, Sendable, ExpressibleByStringLiteral {
        /// Plain text.
        case text(String)
        /// Text set as code: a key, a file name.
        case code(String)
        /// A key set as code with a short explanation under it: `gap`, "mean true logit minus mean wrong logit".
        case term(String, detail: String)

        public init(stringLiteral value: String) {
            self = .text(value)
        }
    }

    /// The line above the table, saying what it shows.
    public var caption: String
    /// The columns, left to right.
    public var columns: [Column]
    /// The body rows, as many cells each as there are columns.
    public private(set) var rows: [[Cell]] = []

    /// An empty table with `columns`.
    public init(caption: String, columns: [Column]) {
        self.caption = caption
        self.columns = columns
    }

    /// The header groups left to right: each run of neighbouring columns with
    /// the same group (nil included) and how many columns it spans.
    public var groups: [(group: String?, span: Int)] {
        var groups: [(group: String?, span: Int)] = []
        for column in columns {
            if let last = groups.last, last.group == column.group, column.group != nil {
                groups[groups.count - 1].span += 1
            } else {
                groups.append((column.group, 1))
            }
        }
        return groups
    }

    /// Adds a row of as many cells as there are columns.
    public mutating func append(_ row: [Cell]) {
        precondition(row.count == columns.count, "ReportTable: a row of \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }
}
