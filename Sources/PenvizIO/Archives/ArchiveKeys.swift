import Foundation
import PenvizCore

extension ArrayArchive {
    /// The error for a key this archive does not hold; it lists the keys it does hold.
    func missingKey(_ key: String) -> PenvizError {
        let keys = entries.map(\.key)
        let listing = keys.isEmpty ? "it holds no arrays" : "it holds: " + keys.joined(separator: ", ")
        return PenvizError.input(path, key: key, "no such array (\(listing))")
    }
}

/// Key helpers shared by the formats.
enum ArchiveKeys {
    /// The key of a single-array file: its name without the extension (`features.npy` → `features`).
    static func stem(of path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }
}
