import Foundation
import Testing

/// `penviz calibrate` end to end on the hand-solved run of ``RunFolder`` with a
/// `test` split added whose ECE with two bins is known.
@Suite("penviz calibrate")
struct CalibrateCommandTests {
    /// The run, its `val` logits computed from the features, and a `test` split
    /// of four stored logit rows (the third logit −1000 has probability 0):
    /// confidences 0.75 (right), 0.9 (wrong), 0.5 (wrong), 0.8 (right). With
    /// M = 2, bin (0, 0.5] holds 0.5 (accuracy 0) and bin (0.5, 1] the rest
    /// (accuracy 2/3, confidence 2.45/3): ECE = ¼·0.5 + ¾·0.15 = 0.2375, MCE 0.5.
    static func run() throws -> RunFolder {
        let run = try RunFolder()
        let logits: [Double] = [log(3), 0, -1000, 0, log(9), -1000, 0, 0, -1000, 0, log(4), -1000]
        run.write("test_features", NpyBytes.float64([0, 0, 0, 0, 0, 0, 0, 0], shape: [4, 2]))
        run.write("test_labels", NpyBytes.int64([0, 0, 1, 1], shape: [4]))
        run.write("test_logits", NpyBytes.float64(logits, shape: [4, 3]))
        return run
    }

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    @Test("prints the table, writes the JSON and the figure; fits on val, evaluates on test")
    func writesEverything() throws {
        let run = try Self.run()
        defer { run.cleanUp() }
        let metrics = run.path("m.json"), out = run.path("reliability.png")
        let result = try PenvizProcess.run(
            ["calibrate", run.run.path, "--bins", "2", "--bootstrap", "20", "--labels", "hand", "--out", out, "--metrics", metrics])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3 && lines[0].hasPrefix("run") && lines[1].hasPrefix("hand") && lines[1].contains("before"))
        #expect(result.stderr.contains("split 'val' has no logits"))
        let png = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))

        let object = try Self.json(metrics)
        #expect(object["bin_count"] as? Int == 2 && object["bootstrap_resamples"] as? Int == 20)
        let entry = (object["runs"] as! [[String: Any]])[0]
        #expect(entry["label"] as? String == "hand" && entry["source"] as? String == run.run.path)
        #expect(entry["fit_split"] as? String == "val" && entry["eval_split"] as? String == "test")
        let before = entry["before"] as! [String: Any]
        #expect(abs((before["ece"] as! Double) - 0.2375) < 1e-12 && abs((before["mce"] as! Double) - 0.5) < 1e-12)
        #expect(before["accuracy"] as? Double == 0.5 && before["n"] as? Int == 4)
        #expect((before["bins"] as! [Any]).count == 2 && (before["ece_interval"] as! [Double]).count == 2)
        let after = entry["after"] as! [String: Any]
        #expect(after["accuracy"] as? Double == 0.5)
    }

    @Test("the same inputs give the same bytes; --bootstrap 0 writes a null interval")
    func deterministic() throws {
        let run = try Self.run()
        defer { run.cleanUp() }
        var files: [Data] = []
        for name in ["a", "b"] {
            let result = try PenvizProcess.run(
                ["calibrate", run.run.path, "--bootstrap", "0", "--out", run.path("\(name).svg"), "--metrics", run.path("\(name).json")])
            #expect(result.status == 0, "\(result.stderr)")
            files += [try Data(contentsOf: URL(fileURLWithPath: run.path("\(name).svg"))),
                      try Data(contentsOf: URL(fileURLWithPath: run.path("\(name).json")))]
        }
        #expect(files[0] == files[2] && files[1] == files[3])
        let before = ((try Self.json(run.path("a.json"))["runs"] as! [[String: Any]])[0]["before"]) as! [String: Any]
        #expect(before["ece_interval"] is NSNull)
    }

    @Test("usage errors exit 64 with one line and write nothing", arguments: [
        ["--bins", "0"], ["--bootstrap", "-1"], ["--binning", "quantile"], ["--labels", "a,b"],
        ["--label-smoothing", "1.5"], ["--out", "fig.jpg"], ["--metrics", "m.csv"], ["--width", "0", "--out", "fig.png"],
    ])
    func usage(arguments: [String]) throws {
        let run = try Self.run()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["calibrate", run.run.path] + arguments, in: run.directory)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderrLines.count == 1)
        let written = try FileManager.default.contentsOfDirectory(atPath: run.directory.path)
        #expect(written == ["run"])
    }

    @Test("a split the run does not have is an input error naming the run and its splits")
    func missingSplit() throws {
        let run = try Self.run()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["calibrate", run.run.path, "--fit-split", "train"])
        #expect(result.status == 1)
        #expect(result.stderrLines == ["error: \(run.run.path): no split 'train'; the run has val, test"])
    }
}
