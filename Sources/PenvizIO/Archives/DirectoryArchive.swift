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
///
/// A key may be sharded over several `.npy` files named `KEY.INDEX-of-COUNT.npy`
/// (`train_features.00000-of-00008.npy` … `train_features.00007-of-00008.npy`): they
/// are read in index order as one array, and every index below COUNT must be there.
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
        case shards(ShardedNpy, ArrayEntry)

        var entries: [ArrayEntry] {
            switch self {
            case .npy(let file): return file.entries
            case .text(let file): return file.entries
            case .shards(_, let entry): return [entry]
            }
        }

        func array(_ key: String) throws -> ArrayView {
            switch self {
            case .npy(let file): return try file.array(key)
            case .text(let file): return try file.array(key)
            case .shards(let shards, _): return try shards.array()
            }
        }
    }

    /// The file extensions a directory archive reads.
    public static let extensions: Set<String> = ["npy", "csv", "tsv"]

    /// Opens every array file under the folder at `path`.
    public init(path: String) throws {
        var members: [String: Member] = [:]
        var files: [String: String] = [:]
        var shards: [String: [(name: ShardName, file: String)]] = [:]
        for relative in try DirectoryArchive.arrayFiles(under: path) {
            let filePath = (path as NSString).appendingPathComponent(relative)
            let key = (relative as NSString).deletingPathExtension
            let isNpy = (relative as NSString).pathExtension.lowercased() == "npy"
            if isNpy, let shard = ShardName(stem: key) {
                shards[shard.key, default: []].append((shard, relative))
                continue
            }
            if let earlier = files[key] {
                throw PenvizError.input(
                    path, key: key, "both '\(earlier)' and '\(relative)' hold this key; keep one of them")
            }
            files[key] = relative
            if isNpy {
                members[key] = .npy(try NpyFile(path: filePath, key: key))
            } else {
                members[key] = .text(try DelimitedTextFile(path: filePath, key: key))
            }
        }
        for (key, found) in shards {
            if let single = files[key] {
                throw PenvizError.input(
                    path, key: key, "both '\(single)' and the shards '\(found[0].file)', … hold this key; keep one of them")
            }
            let ordered = try DirectoryArchive.completeShards(found, key: key, folder: path)
            let sharded = try ShardedNpy(
                folder: path, key: key, names: ordered,
                paths: ordered.map { (path as NSString).appendingPathComponent($0) })
            members[key] = .shards(sharded, try sharded.entry())
        }
        guard !members.isEmpty else {
            throw PenvizError.input(path, "the folder holds no .npy, .csv or .tsv files")
        }
        self.path = path
        self.members = members
        self.entries = members.keys.sorted().flatMap { members[$0]!.entries }
    }

    public func array(_ key: String) throws -> ArrayView {
        guard let member = members[key] else { throw missingKey(key) }
        return try member.array(key)
    }

    /// The shard files of `key` in index order, after checking that they agree on the
    /// shard count and that no index is missing or given twice.
    private static func completeShards(
        _ found: [(name: ShardName, file: String)], key: String, folder: String
    ) throws -> [String] {
        let count = found[0].name.count
        if let other = found.first(where: { $0.name.count != count }) {
            throw PenvizError.input(
                folder, key: key, "shard '\(other.file)' says \(other.name.count) shards, '\(found[0].file)' says \(count)")
        }
        var byIndex: [Int: String] = [:]
        for (name, file) in found {
            if let earlier = byIndex[name.index] {
                throw PenvizError.input(folder, key: key, "both '\(earlier)' and '\(file)' are shard \(name.index)")
            }
            byIndex[name.index] = file
        }
        // Every index is below `count` and none repeats, so a missing one is at most found.count.
        if let missing = (0..<count).first(where: { byIndex[$0] == nil }) {
            throw PenvizError.input(folder, key: key, "shard \(missing) of \(count) is missing")
        }
        return (0..<count).map { byIndex[$0]! }
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
