import Foundation
import PenvizCore

/// A folder of `.npy`, `.csv` and `.tsv` files, each holding the array named by its
/// path without the extension: `weight.npy` → `weight`, `train/features.npy` →
/// `train/features`.
///
/// Subfolders are searched; hidden files and folders (names starting with `.`) and
/// files of other types are ignored. Two files that give the same key (`weight.npy`
/// and `weight.csv`) are an error. Opening reads every `.npy` header and every text
/// file; `.npy` data is mapped when asked for.
public struct DirectoryArchive: ArrayArchive, Sendable {
    /// The folder's path as given, used in error messages.
    public let path: String
    /// Every array, sorted by key.
    public let entries: [ArrayEntry]
    private let members: [String: Member]

    /// The file that holds one key.
    private enum Member: Sendable {
        case npy(NpyFile)
        case text(DelimitedTextFile)

        var archive: any ArrayArchive {
            switch self {
            case .npy(let file): return file
            case .text(let file): return file
            }
        }
    }

    /// The file extensions a directory archive reads.
    public static let extensions: Set<String> = ["npy", "csv", "tsv"]

    /// Opens every array file under the folder at `path`.
    public init(path: String) throws {
        var members: [String: Member] = [:]
        var files: [String: String] = [:]
        for relative in try DirectoryArchive.arrayFiles(under: path) {
            let filePath = (path as NSString).appendingPathComponent(relative)
            let key = (relative as NSString).deletingPathExtension
            if let earlier = files[key] {
                throw PenvizError.input(
                    path, key: key, "both '\(earlier)' and '\(relative)' hold this key; keep one of them")
            }
            files[key] = relative
            if (relative as NSString).pathExtension.lowercased() == "npy" {
                members[key] = .npy(try NpyFile(path: filePath, key: key))
            } else {
                members[key] = .text(try DelimitedTextFile(path: filePath, key: key))
            }
        }
        guard !members.isEmpty else {
            throw PenvizError.input(path, "the folder holds no .npy, .csv or .tsv files")
        }
        self.path = path
        self.members = members
        self.entries = members.keys.sorted().flatMap { members[$0]!.archive.entries }
    }

    public func array(_ key: String) throws -> ArrayView {
        guard let member = members[key] else { throw missingKey(key) }
        return try member.archive.array(key)
    }

    /// Paths, relative to `root` and sorted, of the array files under it. Symbolic links to
    /// files are followed; links to folders are not (they could loop).
    private static func arrayFiles(under root: String) throws -> [String] {
        let manager = FileManager.default
        var found: [String] = []
        var folders = [""]
        while let folder = folders.popLast() {
            let absolute = folder.isEmpty ? root : (root as NSString).appendingPathComponent(folder)
            let names: [String]
            do {
                names = try manager.contentsOfDirectory(atPath: absolute)
            } catch {
                throw PenvizError.input(absolute, "cannot list the folder")
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
                let full = (root as NSString).appendingPathComponent(relative)
                let type = (try? manager.attributesOfItem(atPath: full)[.type]) as? FileAttributeType
                if type == .typeDirectory {
                    folders.append(relative)
                } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                    found.append(relative)
                }
            }
        }
        return found.sorted()
    }
}
