import Foundation

/// Words joined into one line a POSIX shell reads back as the same words.
enum ShellWords {
    /// `words` separated by spaces, each in single quotes unless it is made only of
    /// characters no shell treats specially (a quote inside is written `'\''`).
    static func line(_ words: [String]) -> String {
        words.map(quoted).joined(separator: " ")
    }

    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-./,:=+@%".unicodeScalars.contains(scalar))
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
