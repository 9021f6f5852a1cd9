import Foundation
import Testing

/// The automatic triplet searches have documented class limits (4,096 by confusion,
/// 10,000 by templates): past one, compare refuses it naming the limit, and report
/// skips those rows with a note.
@Suite("Automatic triplet limit")
struct AutoTripletLimitTests {
    /// The default run widened to K = 10,001 classes (the first three as before).
    func wideRun() throws -> RunFolder {
        let run = try RunFolder()
        let k = 10_001
        let weight: [Double] = [0, 0, 2, 0, 0, 2] + (3..<k).flatMap { [Double($0), -Double($0)] }
        run.write("weight", NpyBytes.float64(weight, shape: [k, 2]))
        run.write("bias", NpyBytes.float64([0, 0, 2] + Array(repeating: 0, count: k - 3), shape: [k]))
        try run.remove("class_names")
        return run
    }

    @Test func compareRefusesTheSearchPastTheLimit() throws {
        let run = try wideRun()
        defer { run.cleanUp() }
        let limits = [([String](), "ranking triplets by confusion takes at most K = 4096 classes, the run has K = 10001"),
                      (["--auto", "mixed"], "ranking triplets by confusion takes at most K = 4096 classes, the run has K = 10001"),
                      (["--auto", "closest"], "automatic triplets search at most K = 10000 classes, the run has K = 10001")]
        for (extra, message) in limits {
            let result = try PenvizProcess.run(["compare", run.run.path, run.run.path, "--out", run.path("f.svg")] + extra)
            #expect(result.status == 1)
            #expect(result.stderrLines.count == 1)
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: run.path("f.svg")))
        }
        let given = try PenvizProcess.run(["compare", run.run.path, run.run.path, "--classes", "0,1,2", "--out", run.path("f.svg")])
        #expect(given.status == 0, "\(given.stderr)")
    }

    @Test func reportSkipsTheAutomaticRowsWithANote() throws {
        let run = try wideRun()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["report", run.run.path, run.run.path, "--out", run.path("report")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(
            "automatic triplets similar, mixed, different skipped: their search takes at most K = 4096 classes, the run has K = 10001;"
                + " showing classes 0, 1 and 2"), "\(result.stderr)")
        let markdown = try String(contentsOfFile: run.path("report/report.md"), encoding: .utf8)
        #expect(!markdown.contains("similar:") && !markdown.contains("different:") && !markdown.contains("mixed:"))
    }
}
