import Foundation
import PenvizCore

/// An output file named by the user; its extension picks the format.
struct OutputPath {
    /// Every format penviz writes, by extension.
    enum Format: String, CaseIterable {
        case png, svg, pdf, json, csv, npy, html, md
    }

    /// The path as given.
    let path: String
    /// The format its extension names.
    let format: Format

    /// Checks that `path` ends in one of `allowed`; anything else is a usage error (exit 64).
    init(_ path: String, allowed: [Format], option: String = "--out") throws {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let format = Format(rawValue: ext), allowed.contains(format) else {
            let shown = ext.isEmpty ? "no extension" : "'.\(ext)'"
            let choices = allowed.map { ".\($0.rawValue)" }.joined(separator: ", ")
            throw PenvizError.usage("\(option) \(path): unknown output extension \(shown); use one of \(choices)")
        }
        self.path = path
        self.format = format
    }
}
