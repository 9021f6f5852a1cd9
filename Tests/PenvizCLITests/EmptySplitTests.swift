import Foundation
import Testing

/// A split without examples is refused by every command, naming the split, before
/// anything is drawn or written (plot used to draw an empty figure).
@Suite("Empty splits")
struct EmptySplitTests {
    @Test(arguments: ["plot", "compare", "calibrate", "project", "report", "inspect"])
    func anEmptySplitIsRefusedNamingIt(command: String) throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        run.write("val_features", NpyBytes.float64([], shape: [0, 2]))
        run.write("val_labels", NpyBytes.int64([], shape: [0]))
        run.write("val_logits", NpyBytes.float64([], shape: [0, 3]))
        var arguments = [command, run.run.path]
        if ["compare", "calibrate", "report"].contains(command) { arguments.append(run.run.path) }
        if ["plot", "compare", "project"].contains(command) { arguments += ["--classes", "0,1,2"] }
        switch command {
        case "report": arguments += ["--out", run.path("report")]
        case "project": arguments += ["--out", run.path("p.csv")]
        case "inspect": break
        default: arguments += ["--out", run.path("f.png")]
        }
        let result = try PenvizProcess.run(arguments)
        if command == "inspect" {
            // inspect lists what a file holds, an empty array included.
            #expect(result.status == 0 && result.stdout.contains("val_features"), "\(result.stderr)")
            return
        }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("key 'val_features': split 'val' has no examples (0 rows)"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.directory.path) == ["run"])
    }
}
