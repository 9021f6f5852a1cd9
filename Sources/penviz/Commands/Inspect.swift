import ArgumentParser
import Foundation
import PenvizIO

/// `penviz inspect FILE...`: every array's key, type, shape and size.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every array in .npy, .npz, .safetensors, CSV files or run folders.",
        discussion: """
            For each file: the key, the stored type (and what penviz reads it as), \
            the shape and the bytes of data; a sharded array (train_features.00000-of-00008.npy, \
            …) is one row, its shard files listed under it. Nothing is loaded beyond the headers.

            Example:
              penviz inspect examples/fashion-mnist/hard.npz
            """)

    @Argument(help: ArgumentHelp("Files or run folders to list.", valueName: "file"))
    var files: [String]

    func run() throws {
        var blocks: [String] = []
        for path in files {
            let archive = try openArchive(path)
            blocks.append(Inspect.table(for: archive))
        }
        print(blocks.joined(separator: "\n"), terminator: "")
    }

    /// A shape as `N×D`, or `()` for a 0-d array.
    static func shape(_ extents: [Int]) -> String {
        extents.isEmpty ? "()" : extents.map(String.init).joined(separator: "×")
    }

    /// A plain-text table of the archive's arrays.
    static func table(for archive: ArrayArchive) -> String {
        let header = ["key", "dtype", "shape", "bytes"]
        let rows = archive.entries.map { entry -> [String] in
            let type = entry.dtype.map { "\(entry.storedType) (\($0.name))" } ?? "\(entry.storedType) (refused)"
            let shards = entry.shards.isEmpty ? "" : " in \(entry.shards.count) shards"
            return [entry.key, type, shape(entry.shape) + shards, String(entry.byteCount)]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == cells.count - 1
                    ? String(repeating: " ", count: widths[column] - cell.count) + cell
                    : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        let total = archive.entries.reduce(0) { $0 + $1.byteCount }
        var lines = ["  " + line(header)]
        for (entry, row) in zip(archive.entries, rows) {
            lines.append("  " + line(row))
            // A sharded array: its files, in the order they are read, under its row.
            lines += entry.shards.map { "      shard \($0.file)  \(shape($0.shape))" }
        }
        return "\(archive.path): \(archive.entries.count) arrays, \(total) data bytes\n" + lines.joined(separator: "\n") + "\n"
    }
}
