import Foundation
import Testing

/// The measures against α: `compare --sweep-out` and the report's section, for three
/// or more runs of distinct α, and the clear refusal otherwise.
@Suite("α sweeps")
struct SweepCommandTests {
    @Test("compare --sweep-out draws every format asked for, from three runs of distinct α")
    func compareSweep() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let paths = [run.run.path, run.run.path, run.run.path]
        let result = try PenvizProcess.run(["compare"] + paths + [
            "--alpha", "0,0.1,0.2", "--classes", "cat,dog,owl", "--out", run.path("c.png"),
            "--sweep-out", run.path("s.svg"), "--sweep-out", run.path("s.pdf"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: run.path("s.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && FileManager.default.fileExists(atPath: run.path("s.pdf")))
    }

    @Test("fewer than three distinct α, or a name given twice: a usage error, and nothing written")
    func refused() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let two = try PenvizProcess.run([
            "compare", run.run.path, run.run.path, "--alpha", "0,0.1", "--classes", "cat,dog,owl", "--out", run.path("c.png"),
            "--sweep-out", run.path("s.png"),
        ])
        #expect(two.status == 64 && two.stderrLines.count == 1, "\(two.stderr)")
        #expect(two.stderr.contains("needs three or more runs of distinct α (stored or --alpha); the runs have α = 0.0, 0.1"))
        let repeated = try PenvizProcess.run([
            "compare", run.run.path, run.run.path, run.run.path, "--alpha", "0,0.1,0.1", "--classes", "cat,dog,owl",
            "--out", run.path("c.png"), "--sweep-out", run.path("s.png"),
        ])
        #expect(repeated.status == 64 && repeated.stderr.contains("distinct α"))
        let clash = try PenvizProcess.run([
            "compare", run.run.path, run.run.path, run.run.path, "--alpha", "0,0.1,0.2", "--classes", "cat,dog,owl",
            "--out", run.path("c.png"), "--sweep-out", run.path("c.png"),
        ])
        #expect(clash.status == 64 && clash.stderr.contains("--sweep-out \(run.path("c.png")) is named twice"))
        for name in ["c.png", "s.png"] { #expect(!FileManager.default.fileExists(atPath: run.path(name)), "\(name)") }
    }

    @Test("the report draws the sweep and says how the measures moved, only with three distinct α")
    func reportSweep() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let three = run.path("three")
        let result = try PenvizProcess.run([
            "report", run.run.path, run.run.path, run.run.path, "--alpha", "0,0.1,0.2", "--labels", "a,b,c", "--out", three,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(three)/figures/sweep.svg"))
        let markdown = try String(contentsOfFile: "\(three)/report.md", encoding: .utf8)
        // The same run three times: the gap on val is 1.5 at every α; ls_gap(0.2) for K = 3 is ln(2.6/0.2) = ln 13 = 2.56.
        #expect(markdown.contains("## 7 Label smoothing strength"))
        #expect(markdown.contains("From α = 0 to α = 0.2, the logit gap on val went from 1.50 to 1.50 (ls\\_gap 2.56 at α = 0.2)"))
        let two = run.path("two")
        #expect(try PenvizProcess.run(["report", run.run.path, run.run.path, "--alpha", "0,0.1", "--out", two]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: "\(two)/figures/sweep.svg"))
        #expect(!(try String(contentsOfFile: "\(two)/report.md", encoding: .utf8)).contains("Label smoothing strength"))
    }
}
