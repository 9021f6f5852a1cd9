import ArgumentParser
import Foundation
import PenvizAnalysis
import PenvizCore
import PenvizIO

/// `penviz inspect FILE...`: every array's key, type, shape and size.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every array in .npy, .npz, .safetensors, CSV files or run folders.",
        discussion: """
            For each file: the key, the stored type (and what penviz reads it as), \
            the shape and the bytes of data; a sharded array (train_features.00000-of-00008.npy, \
            …) is one row, its shard files listed under it. Arrays are listed from their headers alone.

            When the file is a run, a line per split says where its logits come from: \
            stored, and whether they are the features times the final layer (checked on \
            64 sampled rows; when they agree, compare and report measure the projection and \
            distance_cv from them), or computed as x·Wᵀ + b.

            Example:
              penviz inspect examples/fashion-mnist/hard.npz
            """)

    @Argument(help: ArgumentHelp("Files or run folders to list.", valueName: "file"))
    var files: [String]

    func run() throws {
        var blocks: [String] = []
        for path in files {
            let archive = try openArchive(path)
            blocks.append(Inspect.table(for: archive) + Inspect.logitPaths(for: archive))
        }
        print(blocks.joined(separator: "\n"), terminator: "")
    }

    /// Where each split's logits come from, a line a split, when `archive` holds a
    /// run found by the default keys; empty otherwise (a file of arrays that is no run).
    static func logitPaths(for archive: ArrayArchive) -> String {
        guard let run = try? RunDiscovery(checksFeatures: false).run(in: archive) else { return "" }
        let space = LogitSpace(run: run)
        let lines = run.splits.map { split in
            let logits = space.logits(of: split)
            guard let agreement = logits.agreement else {
                return "  split \(split.name): no stored logits; computed as x·Wᵀ + b from the features"
            }
            let numbers = String(
                format: "largest relative deviation %.2g on %d sampled rows, float32 rounding allows %.2g",
                agreement.deviation, agreement.sampledRows, agreement.tolerance)
            let verdict: String
            if agreement.agrees {
                verdict = "they are the features times the final layer (\(numbers)): template logits stored"
            } else if agreement.explainedByFeatureRounding {
                verdict = "they differ from the features by the rounding of their stored \(split.features.dtype.name)"
                    + " (\(numbers)): template logits computed from the features"
            } else {
                verdict = "they are not the features times the final layer (\(numbers)): template logits computed from the features"
            }
            return "  split \(split.name): logits stored; " + verdict
        }
        return "\(VisibleText.escaped(archive.path)): a run of K = \(run.classCount), D = \(run.dimension)\n"
            + lines.map(VisibleText.escaped).joined(separator: "\n") + "\n"
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
            return [VisibleText.escaped(entry.key), type, shape(entry.shape) + shards, String(entry.byteCount)]
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
            lines += entry.shards.map { "      shard \(VisibleText.escaped($0.file))  \(shape($0.shape))" }
        }
        return "\(VisibleText.escaped(archive.path)): \(archive.entries.count) arrays, \(total) data bytes\n" + lines.joined(separator: "\n") + "\n"
    }
}
