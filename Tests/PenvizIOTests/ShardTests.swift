import Foundation
import PenvizCore
import Testing

@testable import PenvizIO

/// Arrays sharded over several files: `KEY.INDEX-of-COUNT.npy` in a run folder,
/// and glob patterns in the explicit key options.
@Suite("Shards")
struct ShardTests {
    /// A little-endian float32 `.npy` file of `rows`×`columns` values, written by hand.
    static func float32(_ values: [Float], rows: Int, columns: Int, descr: String = "<f4") -> [UInt8] {
        let header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(rows), \(columns)), }\n"
        return npyBytes(header: header, data: values.flatMap { littleEndianBytes($0.bitPattern) })
    }

    /// A little-endian int64 `.npy` vector, written by hand.
    static func int64(_ values: [Int64]) -> [UInt8] {
        let header = "{'descr': '<i8', 'fortran_order': False, 'shape': (\(values.count),), }\n"
        return npyBytes(header: header, data: values.flatMap { littleEndianBytes($0) })
    }

    /// A K = 3, D = 2 run whose 5 train rows (row r holds (r, 10 r), label r mod 3) are cut
    /// into shards of 2, 2 and 1 rows, named `name(key, index)`.
    static func shardedRun(_ folder: TemporaryFolder, name: (String, Int) -> String) throws {
        try folder.write(float32([1, 0, 0, 1, 1, 1], rows: 3, columns: 2), to: "weight.npy")
        for (index, rows) in [0..<2, 2..<4, 4..<5].enumerated() {
            try folder.write(float32(rows.flatMap { [Float($0), Float(10 * $0)] }, rows: rows.count, columns: 2),
                             to: name("train_features", index))
            try folder.write(int64(rows.map { Int64($0 % 3) }), to: name("train_labels", index))
        }
    }

    /// The 5 train rows of ``shardedRun(_:name:)`` in C order.
    static let trainValues: [Double] = [0, 0, 1, 10, 2, 20, 3, 30, 4, 40]

    @Test("shard files read in index order as one array, listed under one key")
    func folderShards() throws {
        let folder = try TemporaryFolder()
        try Self.shardedRun(folder) { "\($0).0000\($1)-of-00003.npy" }
        let archive = try DirectoryArchive(path: folder.path)
        #expect(archive.entries.map(\.key) == ["train_features", "train_labels", "weight"])
        let features = try archive.array("train_features")
        #expect(features.shape == [5, 2])
        #expect(features.doubles() == Self.trainValues)
        let entry = archive.entries[0]
        #expect(entry.shards.map(\.file) == (0..<3).map { "train_features.0000\($0)-of-00003.npy" })
        #expect(entry.shards.map(\.shape) == [[2, 2], [2, 2], [1, 2]])
        #expect(entry.byteCount == 40)
        let run = try RunDiscovery().run(in: archive)
        #expect(run.splits[0].labels == [0, 1, 2, 0, 1])
    }

    @Test("a missing, repeated or miscounted shard, or one of another type, is an error naming the key")
    func badShards() throws {
        let missing = try TemporaryFolder()
        try missing.write(Self.float32([1, 2], rows: 1, columns: 2), to: "x.00000-of-00003.npy")
        try missing.write(Self.float32([1, 2], rows: 1, columns: 2), to: "x.00002-of-00003.npy")
        expectInputError("x", "shard 1 of 3 is missing") { _ = try DirectoryArchive(path: missing.path) }

        let miscounted = try TemporaryFolder()
        try miscounted.write(Self.float32([1, 2], rows: 1, columns: 2), to: "x.00000-of-00002.npy")
        try miscounted.write(Self.float32([1, 2], rows: 1, columns: 2), to: "x.00001-of-00003.npy")
        expectInputError("x", "says 3 shards") { _ = try DirectoryArchive(path: miscounted.path) }

        let repeated = try TemporaryFolder()
        try repeated.write(Self.float32([1, 2], rows: 1, columns: 2), to: "x.0-of-2.npy")
        try repeated.write(Self.float32([1, 2], rows: 1, columns: 2), to: "x.00-of-2.npy")
        expectInputError("x", "are shard 0") { _ = try DirectoryArchive(path: repeated.path) }

        let mixed = try TemporaryFolder()
        try mixed.write(Self.float32([1, 2], rows: 1, columns: 2), to: "x.0-of-2.npy")
        try mixed.write(Self.float32([1, 2, 3], rows: 1, columns: 3), to: "x.1-of-2.npy")
        expectInputError("x", "'x.1-of-2.npy' cannot follow 'x.0-of-2.npy'") { _ = try DirectoryArchive(path: mixed.path) }

        let both = try TemporaryFolder()
        try both.write(Self.float32([1, 2], rows: 1, columns: 2), to: "x.npy")
        try both.write(Self.float32([1, 2], rows: 1, columns: 2), to: "x.0-of-1.npy")
        expectInputError("x", "keep one of them") { _ = try DirectoryArchive(path: both.path) }
    }

    @Test("a glob in --features-key reads the matching keys in natural order; labels follow the same pattern")
    func globKeys() throws {
        let folder = try TemporaryFolder()
        // Plain string order would read rank10 and rank11 before rank2.
        let ranks = [0: "rank2", 1: "rank10", 2: "rank11"]
        try Self.shardedRun(folder) { "\($0)_\(ranks[$1]!).npy" }
        let discovery = RunDiscovery(keys: RunKeys(features: "train_features_rank*"))
        let run = try discovery.run(in: try DirectoryArchive(path: folder.path))
        #expect(run.splits.map(\.name) == ["train"])
        #expect(run.splits[0].features.doubles() == Self.trainValues)
        #expect(run.splits[0].labels == [0, 1, 2, 0, 1])
        #expect(RunKeys.matching("a*", in: ["a10", "a9", "a1", "b"]) == ["a1", "a9", "a10"])
        let none = RunDiscovery(keys: RunKeys(features: "val_features_*"))
        expectInputError("val_features_*", "no array matches") { _ = try none.run(in: try DirectoryArchive(path: folder.path)) }
    }

    @Test("shard names: KEY.INDEX-of-COUNT and nothing else")
    func names() {
        #expect(ShardName(stem: "train_features.00003-of-00008") == ShardName(key: "train_features", index: 3, count: 8))
        #expect(ShardName(stem: "a/b.0-of-1")?.key == "a/b")
        for stem in ["train_features", "x.8-of-8", "x.-1-of-2", ".0-of-1", "x.0-of-", "x.0-to-2", "x.٣-of-٨"] {
            #expect(ShardName(stem: stem) == nil, "\(stem)")
        }
    }
}
