import Foundation
import PenvizCore

/// A plain-text table for the terminal: columns as wide as their widest cell,
/// two spaces apart, text left-aligned and numbers right-aligned, no trailing spaces.
/// Cells are escaped for the terminal (``VisibleText``): a class name or run label
/// holding a line break or an escape sequence stays in its cell.
///
/// ```swift
/// var table = TextTable(header: ["run", "ece"], numeric: [false, true])
/// table.append(["hard", "0.03468"])
/// print(table.text, terminator: "")
/// // run         ece
/// // hard    0.03468
/// ```
struct TextTable: Sendable {
    /// The header cells, one per column.
    let header: [String]
    /// Whether each column holds numbers (right-aligned).
    let numeric: [Bool]
    /// The body rows, as many cells each as the header.
    private(set) var rows: [[String]] = []

    /// An empty table with `header`; `numeric[i]` right-aligns column i, header included.
    init(header: [String], numeric: [Bool]) {
        precondition(header.count == numeric.count, "TextTable: \(header.count) headers and \(numeric.count) alignments")
        self.header = header.map(VisibleText.escaped)
        self.numeric = numeric
    }

    /// Adds a row of as many cells as the header.
    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "TextTable: a row of \(row.count) cells for \(header.count) columns")
        rows.append(row.map(VisibleText.escaped))
    }

    /// The table, one line per row after the header, each ending in a newline.
    var text: String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max()! }
        return all.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                line += (column == 0 ? "" : "  ") + (numeric[column] ? padding + cell : cell + padding)
            }
            while line.last == " " { line.removeLast() }
            return line + "\n"
        }.joined()
    }

    /// `value` with four decimals, as accuracies are shown.
    static func fixed(_ value: Double) -> String {
        String(format: "%.4f", value)
    }

    /// `value` with four significant digits, or `-` for nil.
    static func number(_ value: Double?) -> String {
        value.map { String(format: "%.4g", $0) } ?? "-"
    }
}
