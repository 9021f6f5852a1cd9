import Foundation

/// Writes rows as CSV or TSV text.
///
/// Fields that contain the delimiter, a double quote, a line break, or leading or
/// trailing spaces are quoted as RFC 4180 says (inner quotes doubled). Numbers are
/// written as Swift's shortest round-trip decimal (`0.1`, `1e-05`, `nan`, `inf`), so
/// reading the text back gives the same `Double`. Lines end with `\n`.
public struct DelimitedTextWriter: Sendable {
    /// One field of a row.
    public enum Field: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case number(Double)
    }

    /// The field separator: `,` or a tab.
    public let delimiter: Character

    /// A writer with the given delimiter (a comma by default).
    public init(delimiter: Character = ",") {
        self.delimiter = delimiter
    }

    /// A writer for `path`: tab-separated for `.tsv`, comma-separated otherwise.
    public init(forPath path: String) {
        self.init(delimiter: URL(fileURLWithPath: path).pathExtension.lowercased() == "tsv" ? "\t" : ",")
    }

    /// One row as a line, newline included.
    public func line(_ fields: [Field]) -> String {
        fields.map(render).joined(separator: String(delimiter)) + "\n"
    }

    /// The text of one field, quoted when it needs to be.
    public func render(_ field: Field) -> String {
        switch field {
        case .integer(let value): return String(value)
        case .number(let value): return value.description
        case .text(let text):
            let needsQuotes = text.contains(delimiter) || text.contains("\"") || text.contains("\n")
                || text.contains("\r") || text.first == " " || text.last == " "
            guard needsQuotes else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
