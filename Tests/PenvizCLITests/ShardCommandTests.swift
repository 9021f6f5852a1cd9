import Foundation
import Testing

/// `penviz inspect` and `penviz project` on a run whose split is sharded over files.
@Suite("penviz on sharded runs")
struct ShardCommandTests {
    /// The hand-solved run of ``RunFolder`` with its val features and labels cut into
    /// shards of 3 and 1 rows.
    static func shardedRun() throws -> RunFolder {
        let run = try RunFolder()
        try run.remove("val_features")
        try run.remove("val_labels")
        run.write("val_features.00000-of-00002", NpyBytes.float64([1, 1, 2, 0, 0, 0], shape: [3, 2]))
        run.write("val_features.00001-of-00002", NpyBytes.float64([5, 5], shape: [1, 2]))
        run.write("val_labels.00000-of-00002", NpyBytes.int64([0, 1, 0], shape: [3]))
        run.write("val_labels.00001-of-00002", NpyBytes.int64([2], shape: [1]))
        return run
    }

    @Test("inspect lists a sharded array once, with its shard files under it")
    func inspect() throws {
        let run = try Self.shardedRun()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["inspect", run.run.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("val_features") && $0.contains("4×2 in 2 shards") })
        #expect(lines.contains { $0.contains("shard val_features.00000-of-00002.npy") && $0.contains("3×2") })
        #expect(lines.contains { $0.contains("shard val_labels.00001-of-00002.npy") && $0.hasSuffix("1") })
    }

    @Test("project gives the same file for the sharded run as for the run in one file")
    func project() throws {
        let sharded = try Self.shardedRun(), whole = try RunFolder()
        defer {
            sharded.cleanUp()
            whole.cleanUp()
        }
        var outputs: [Data] = []
        for run in [sharded, whole] {
            let out = run.path("coords.npy")
            let result = try PenvizProcess.run(["project", run.run.path, "--classes", "cat,dog,owl", "--split", "val", "--out", out])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        #expect(outputs[0] == outputs[1])
    }
}
