import Foundation
import Testing

/// `penviz report` end to end on two copies of ``RunFolder``'s hand-solved run.
@Suite("penviz report")
struct ReportCommandTests {
    /// The report's files, relative to its folder.
    static let outputs = ["report.html", "report.md", "metrics.json", "figures/compare.svg", "figures/compare.png",
                          "figures/reliability.svg", "figures/reliability.png", "figures/collapse.svg", "figures/collapse.png"]

    /// Two copies of the hand-solved run; the second stores α = 0.1 and, with
    /// `augmented`, both store two examples × two passes of augmented logits.
    static func runs(augmented: Bool = false) throws -> (RunFolder, RunFolder) {
        let hard = try RunFolder(), smoothed = try RunFolder()
        smoothed.write("label_smoothing", NpyBytes.float64([0.1], shape: []))
        if augmented {
            for run in [hard, smoothed] {
                // f = z_cat − z_dog per example and pass: (0, 1) and (4, 6)
                run.write("train_logits_aug", NpyBytes.float64([0, 0, 0, 1, 0, 0, 4, 0, 0, 6, 0, 0], shape: [2, 2, 3]))
                run.write("train_logits_aug_labels", NpyBytes.int64([0, 1], shape: [2]))
            }
        }
        return (hard, smoothed)
    }

    @Test("two runs: exit 0; report.html, report.md, metrics.json and the figures are written; stdout lists them")
    func writesReport() throws {
        let (hard, smoothed) = try Self.runs()
        defer { hard.cleanUp(); smoothed.cleanUp() }
        let folder = hard.path("report")
        let result = try PenvizProcess.run([
            "report", hard.run.path, smoothed.run.path, "--labels", "hard,smoothed", "--classes", "cat,dog,owl", "--out", folder,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        for name in Self.outputs {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/\(name)"), "\(name) missing")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/figures/erasure.svg"))
        #expect(result.stderrLines.contains { $0.hasPrefix("note: information erasure skipped: no run stores augmented logits") })
        #expect(Set(result.stdout.split(separator: "\n").map(String.init)) == Set(
            (Self.outputs).map { "\(folder)/\($0)" }))

        let html = try String(contentsOfFile: "\(folder)/report.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.components(separatedBy: "<svg ").count - 1 == 3)
        let metrics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/metrics.json"))) as! [String: Any]
        #expect(metrics["schema_version"] as? Int == 1)
        #expect(metrics["erasure"] is NSNull)
        let runs = metrics["runs"] as! [[String: Any]]
        // val: z = (0, 2x₁, 2x₂ + 2) for x = (1,1), (2,0), (0,0), (5,5) labelled cat, dog, cat, owl: argmax owl, dog, owl, owl
        #expect(runs.allSatisfy { (($0["splits"] as! [[String: Any]])[0]["accuracy"] as? Double) == 0.5 })
        let comparison = metrics["comparison"] as! [String: Any]
        #expect((comparison["triplets"] as! [[String: Any]]).map { $0["kind"] as? String } == ["given", "similar", "mixed", "different"])
    }

    @Test("one run: a report of its own, each number read against its yardstick, nothing compared")
    func singleRun() throws {
        let (hard, smoothed) = try Self.runs(augmented: true)
        defer { hard.cleanUp(); smoothed.cleanUp() }
        let folder = smoothed.path("report")
        let result = try PenvizProcess.run([
            "report", smoothed.run.path, "--labels", "smoothed", "--out", folder, "--erasure-layout", "NLK",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        for name in Self.outputs + ["figures/erasure.svg", "figures/erasure.png"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/\(name)"), "\(name) missing")
        }
        let metrics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/metrics.json"))) as! [String: Any]
        #expect((metrics["runs"] as! [Any]).count == 1)
        let markdown = try String(contentsOfFile: "\(folder)/report.md", encoding: .utf8)
        #expect(markdown.hasPrefix("# The smoothed run on the paper's measures\n"))
        #expect(markdown.contains("This report measures one run of a 3-class network with 2 penultimate features"))
        // val: z = (0, 2x₁, 2x₂ + 2); true minus mean wrong logit −3, 3, −1, 7: gap 1.5.
        // ls_gap(0.1, K = 3) = ln(2.8/0.1) = 3.33, and 1.5 is more than 15 % below it.
        #expect(markdown.contains("On val, the smoothed run's logit gap (true logit over the mean wrong one) is 1.50, below the 3.33 that α = 0.1 drives it toward."))
        // Two augmented examples: ln N = ln 2.
        #expect(markdown.contains("of the ln N = 0.693 that telling every example apart would take."))
        #expect(markdown.contains("T\\* = "))
        for comparative in ["Î / first", "its ratio to the first run", "change columns", "> **Reading the numbers**\n>\n\n"] {
            #expect(!markdown.contains(comparative), "\(comparative)")
        }
    }

    @Test("calibrate's options reach the report: its metrics and its method line say them; out of range they are usage errors")
    func calibrationOptions() throws {
        let (hard, smoothed) = try Self.runs()
        defer { hard.cleanUp(); smoothed.cleanUp() }
        let folder = hard.path("report")
        let result = try PenvizProcess.run([
            "report", hard.run.path, smoothed.run.path, "--out", folder, "--bins", "10", "--binning", "mass", "--bootstrap", "0",
            "--fit-split", "val", "--eval-split", "val", "--seed", "7",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let metrics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/metrics.json"))) as! [String: Any]
        let calibration = metrics["calibration"] as! [String: Any]
        #expect(calibration["bin_count"] as? Int == 10 && calibration["binning"] as? String == "mass")
        #expect(calibration["bootstrap_resamples"] as? Int == 0 && calibration["seed"] as? Int == 7)
        let markdown = try String(contentsOfFile: "\(folder)/report.md", encoding: .utf8)
        #expect(markdown.contains("10 equal-mass bins"))
        for bad in [["--bins", "0"], ["--bootstrap", "-1"]] {
            let refused = try PenvizProcess.run(["report", hard.run.path, smoothed.run.path, "--out", hard.path("other")] + bad)
            #expect(refused.status == 64 && refused.stderrLines.count == 1, "\(refused.stderr)")
        }
    }

    @Test("augmented logits: the erasure figure is written and measured on the two most frequent labelled classes")
    func erasure() throws {
        let (hard, smoothed) = try Self.runs(augmented: true)
        defer { hard.cleanUp(); smoothed.cleanUp() }
        let folder = hard.path("report")
        // Two examples of two passes read two ways (N×L×K or L×N×K): --erasure-layout says which.
        let result = try PenvizProcess.run([
            "report", hard.run.path, smoothed.run.path, "--out", folder, "--embed", "png", "--erasure-layout", "NLK",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/figures/erasure.png"))
        let metrics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/metrics.json"))) as! [String: Any]
        let erasure = metrics["erasure"] as! [String: Any]
        #expect((erasure["classes"] as! [[String: Any]]).map { $0["name"] as? String } == ["cat", "dog"])
        // f = (0, 1) and (4, 6): μ = 0.5 and 5, σ² = (0.25 + 0.25 + 1 + 1)/4 = 0.625 — worked out by hand
        #expect((erasure["runs"] as! [[String: Any]]).allSatisfy { $0["variance"] as? Double == 0.625 && $0["n"] as? Int == 2 })
        let html = try String(contentsOfFile: "\(folder)/report.html", encoding: .utf8)
        #expect(html.components(separatedBy: "src=\"data:image/png;base64,").count - 1 == 4)
    }

    @Test("bad input: exit 1, one error line, and nothing written in the folder")
    func badInput() throws {
        let (hard, smoothed) = try Self.runs()
        defer { hard.cleanUp(); smoothed.cleanUp() }
        try smoothed.remove("weight")
        let folder = hard.path("report")
        let result = try PenvizProcess.run(["report", hard.run.path, smoothed.run.path, "--out", folder])
        #expect(result.status == 1)
        #expect(result.stderrLines.last?.hasPrefix("error: ") == true)
        #expect(!FileManager.default.fileExists(atPath: folder))

        // An older report stays as it was.
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: "\(folder)/report.html"))
        #expect(try PenvizProcess.run(["report", hard.run.path, smoothed.run.path, "--out", folder]).status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.html"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/report.html")) == Data("old".utf8))
    }

    @Test("usage errors exit 64: no run, a file as --out, an unknown --embed")
    func usage() throws {
        let (hard, smoothed) = try Self.runs()
        defer { hard.cleanUp(); smoothed.cleanUp() }
        #expect(try PenvizProcess.run(["report", "--out", hard.path("r")]).status == 64)
        let file = hard.path("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let onFile = try PenvizProcess.run(["report", hard.run.path, smoothed.run.path, "--out", file])
        #expect(onFile.status == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data("x".utf8))
        #expect(try PenvizProcess.run(["report", hard.run.path, smoothed.run.path, "--out", hard.path("r"), "--embed", "gif"]).status == 64)
    }
}
