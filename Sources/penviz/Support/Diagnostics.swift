import Foundation
import PenvizCore

/// Messages to the user on standard error, one line each.
enum Diagnostics {
    /// Prints `error: message`.
    static func error(_ message: String) {
        write("error: \(message)")
    }

    /// Prints `note: message` (things the user should know that are not errors).
    static func note(_ message: String) {
        write("note: \(message)")
    }

    /// Prints `warning: message`.
    static func warning(_ message: String) {
        write("warning: \(message)")
    }

    /// Writes `line` and a newline. Control characters inside it (a line break
    /// in a zip member's name, say) are shown escaped, so a message is always
    /// exactly one line.
    private static func write(_ line: String) {
        FileHandle.standardError.write(Data((VisibleText.escaped(line) + "\n").utf8))
    }
}
