import Foundation
import Testing

/// A command's outputs change together or not at all, never replace its own
/// inputs, and a report replaces an older report whole.
@Suite("Output transactions")
struct OutputTransactionTests {
    /// The default run with logits, so that every command can run on it.
    func run() throws -> RunFolder {
        let run = try RunFolder()
        run.write("val_logits", NpyBytes.float64([0, 2, 4, 0, 4, 2, 0, 0, 2, 0, 10, 12], shape: [4, 3]))
        return run
    }

    func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Every name in `folder` (recursively), sorted.
    func names(in folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func aFailingOutputLeavesEveryOtherOutputAsItWas() throws {
        let run = try run()
        defer { run.cleanUp() }
        let older = Data("older figure".utf8)
        try older.write(to: URL(fileURLWithPath: run.path("f.png")))
        // The metrics' folder is a file: the figures are drawn, then nothing changes.
        let result = try PenvizProcess.run([
            "compare", run.run.path, run.run.path, "--classes", "cat,dog,owl", "--out", run.path("f.png"),
            "--out", run.path("f.svg"), "--metrics", run.path("f.png/m.json"),
        ])
        #expect(result.status == 1)
        #expect(result.stderrLines.filter { $0.hasPrefix("error:") }.count == 1 && result.stderr.contains("f.png/m.json"))
        #expect(contents(run.path("f.png")) == older)
        #expect(names(in: run.directory.path) == names(in: run.directory.path).filter { !$0.hasSuffix(".tmp") })
        #expect(!FileManager.default.fileExists(atPath: run.path("f.svg")))
    }

    @Test func aMetricJSONCannotHoldIsRefusedNamingItsKeyAndNothingIsWritten() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        // Templates and features near 1e300: the squared distances overflow to infinity.
        run.write("weight", NpyBytes.float64([0, 0, 2e300, 0, 0, 2e300], shape: [3, 2]))
        run.write("val_features", NpyBytes.float64([1, 1, 2, 0, 0, 0, 5e300, 5e300], shape: [4, 2]))
        let result = try PenvizProcess.run([
            "compare", run.run.path, run.run.path, "--classes", "0,1,2", "--out", run.path("f.png"),
            "--metrics", run.path("m.json"),
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: \(run.path("m.json")): metric runs[0].splits[0]."), "\(result.stderr)")
        #expect(result.stderr.contains("which JSON cannot hold"))
        #expect(names(in: run.directory.path).allSatisfy { $0 == "run" || $0.hasPrefix("run/") })
        // Without --metrics the same metrics stop the command before any figure, and the table is not printed.
        let bare = try PenvizProcess.run(["compare", run.run.path, run.run.path, "--classes", "0,1,2", "--out", run.path("f.png")])
        #expect(bare.status == 1 && bare.stdout.isEmpty)
        #expect(bare.stderrLines == [bare.stderrLines.first { $0.hasPrefix("error: metric runs[0].splits[0].") } ?? "(none)"], "\(bare.stderr)")
        #expect(bare.stderr.contains("too large for Float64 arithmetic"))
        // The report checks its metrics before drawing, and leaves no folder.
        let report = try PenvizProcess.run(["report", run.run.path, run.run.path, "--out", run.path("report")])
        #expect(report.status == 1)
        #expect(report.stderrLines.filter { $0.hasPrefix("error:") } == report.stderrLines.filter {
            $0.hasPrefix("error: \(run.path("report/metrics.json")): metric comparison.runs[0].")
        } && report.stderr.contains("error:"), "\(report.stderr)")
        #expect(names(in: run.directory.path).allSatisfy { $0 == "run" || $0.hasPrefix("run/") })
        // A plot of the same run draws: the template plane is built from scaled norms, its coordinates finite.
        let plot = try PenvizProcess.run(["plot", run.run.path, "--classes", "0,1,2", "--out", run.path("p.png")])
        #expect(plot.status == 0, "\(plot.stderr)")
    }

    @Test func anOutputThatIsAnInputIsRefused() throws {
        let run = try run()
        defer { run.cleanUp() }
        let features = run.run.appendingPathComponent("val_features.npy").path
        let before = contents(features)
        // The same file by its own name, through a parent reference, and by a hard link.
        let link = run.path("figure.png")
        try FileManager.default.linkItem(atPath: features, toPath: link)
        let names = run.path("names.json")
        try Data(#"["cat", "dog", "owl"]"#.utf8).write(to: URL(fileURLWithPath: names))
        let attempts = [
            ["project", run.run.path, "--classes", "cat,dog,owl", "--out", features],
            ["project", run.run.path, "--classes", "cat,dog,owl", "--out", run.run.path + "/../run/val_features.npy"],
            ["plot", run.run.path, "--classes", "cat,dog,owl", "--out", link],
            ["compare", run.run.path, run.run.path, "--classes", "cat,dog,owl", "--out", run.path("f.svg"),
             "--class-names", names, "--metrics", names],
        ]
        for arguments in attempts {
            let result = try PenvizProcess.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderrLines.count == 1 && result.stderr.contains("is the input file"), "\(result.stderr)")
        }
        #expect(contents(features) == before)
        // A report folder that holds the run would be replaced with it.
        let report = try PenvizProcess.run(["report", run.run.path, run.run.path, "--out", run.directory.path])
        #expect(report.status == 64 && report.stderr.contains("holds the input file"), "\(report.stderr)")
        #expect(contents(features) == before)
    }

    @Test func aReportReplacesAnOlderReportWholeOrNotAtAll() throws {
        let run = try run()
        defer { run.cleanUp() }
        let out = run.path("report")
        let first = try PenvizProcess.run(["report", run.run.path, run.run.path, "--out", out])
        #expect(first.status == 0, "\(first.stderr)")
        // An older report's figure the new one does not draw goes with it.
        try Data("stale".utf8).write(to: URL(fileURLWithPath: out + "/figures/stale.svg"))
        let older = names(in: out)
        let html = contents(out + "/report.html")

        // Writing stops past 64 blocks of 512 bytes, in the middle of the figures: the older report stays whole.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 64; exec \"$0\" \"$@\"", PenvizProcess.executable.path,
                             "report", run.run.path, run.run.path, "--out", out]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(names(in: out) == older && contents(out + "/report.html") == html)
        #expect(names(in: run.directory.path).allSatisfy { !$0.hasSuffix(".tmp") && !$0.hasSuffix(".old") })

        let second = try PenvizProcess.run(["report", run.run.path, run.run.path, "--out", out])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/figures/stale.svg"))
        #expect(names(in: run.directory.path).allSatisfy { !$0.hasSuffix(".tmp") && !$0.hasSuffix(".old") })

        // A folder holding anything but a report's files is not replaced.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
        let refused = try PenvizProcess.run(["report", run.run.path, run.run.path, "--out", out])
        #expect(refused.status == 64 && refused.stderr.contains("notes.txt, which is not part of a report"), "\(refused.stderr)")
        #expect(contents(out + "/notes.txt") == Data("mine".utf8))
    }
}
