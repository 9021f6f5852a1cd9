import Foundation
import Testing

/// `penviz compare` checks the features in its one measuring pass instead of a
/// separate read at load: a NaN still fails with the key and the row, before any
/// output, and `--drop-nonfinite` still drops the row.
@Suite("penviz compare on non-finite features")
struct CompareNonfiniteTests {
    /// The hand-solved run (see ``CompareCommandTests``) with a NaN in val row 2.
    static func runs() throws -> (RunFolder, RunFolder) {
        let (hard, broken) = try CompareCommandTests.runs()
        broken.write("val_features", NpyBytes.float64([1, 1, 2, 0, .nan, 0, 5, 5], shape: [4, 2]))
        return (hard, broken)
    }

    @Test("a NaN in a compared split: exit 1, one line naming the key and the row, nothing written")
    func failsBeforeAnyOutput() throws {
        let (hard, broken) = try Self.runs()
        defer { hard.cleanUp(); broken.cleanUp() }
        let figure = hard.path("compare.png"), metrics = hard.path("metrics.json")
        let result = try PenvizProcess.run([
            "compare", hard.run.path, broken.run.path, "--classes", "cat,dog,owl", "--out", figure, "--metrics", metrics,
        ])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("error:") && result.stderr.contains(broken.run.path))
        #expect(result.stderr.contains("val_features") && result.stderr.contains("row 2 holds a non-finite value"))
        #expect(!FileManager.default.fileExists(atPath: figure) && !FileManager.default.fileExists(atPath: metrics))
    }

    @Test("--drop-nonfinite drops the row and measures the rest")
    func dropsTheRow() throws {
        let (hard, broken) = try Self.runs()
        defer { hard.cleanUp(); broken.cleanUp() }
        let metrics = hard.path("metrics.json")
        let result = try PenvizProcess.run([
            "compare", hard.run.path, broken.run.path, "--classes", "cat,dog,owl", "--drop-nonfinite",
            "--out", hard.path("compare.svg"), "--metrics", metrics,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("dropped 1 rows"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metrics))) as? [String: Any]
        let runs = json?["runs"] as? [[String: Any]]
        let counts = runs?.map { (($0["splits"] as? [[String: Any]])?.first?["n"] as? Int) }
        #expect(counts == [4, 3])
    }

    @Test("a split that is not compared is not read")
    func otherSplitsAreNotRead() throws {
        let (hard, other) = try CompareCommandTests.runs()
        defer { hard.cleanUp(); other.cleanUp() }
        other.write("test_features", NpyBytes.float64([1, 1, .infinity, 0], shape: [2, 2]))
        other.write("test_labels", NpyBytes.int64([0, 1], shape: [2]))
        let result = try PenvizProcess.run([
            "compare", hard.run.path, other.run.path, "--classes", "cat,dog,owl", "--splits", "val",
            "--out", hard.path("compare.svg"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
