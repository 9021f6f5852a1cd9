import Foundation
import PenvizCore

/// Reads class names from a `--class-names` file: a JSON array of strings, or
/// one name a line (UTF-8; blank trailing lines are ignored).
public enum ClassNamesFile {
    /// The names in the file at `path`.
    public static func read(_ path: String) throws -> [String] {
        // Mapped, not read: a FIFO or a device such as /dev/zero is refused instead of read forever.
        let file = try MappedFile.map(path)
        guard var text = String(validating: file.bytes, as: UTF8.self) else {
            throw PenvizError.input(path, "class names are not valid UTF-8")
        }
        // A byte-order mark (Windows editors write one) is not part of the first name.
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("[") {
            guard let names = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8))) as? [String] else {
                throw PenvizError.input(path, "class names in JSON must be an array of strings")
            }
            return names
        }
        // "\r\n" is one Character in Swift, and a newline like "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
