import Foundation

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

    private static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
