import Foundation
import Testing

/// `--out` given several times: one run of a command draws the same figure in
/// every format asked for, byte for byte what single-format runs draw.
@Suite("Several --out files")
struct FigureFilesTests {
    private func contents(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test("plot writes PNG, SVG and PDF at once, each as a run for that format alone does")
    func plotEveryFormat() throws {
        let run = try PlotCommandTests.twoSplitRun()
        defer { run.cleanUp() }
        let together = ["png", "svg", "pdf"].map { run.path("all.\($0)") }
        let result = try PenvizProcess.run(
            ["plot", run.run.path, "--classes", "cat,dog,owl"] + together.flatMap { ["--out", $0] })
        #expect(result.status == 0, "\(result.stderr)")
        for (format, path) in zip(["png", "svg", "pdf"], together) {
            let alone = run.path("alone.\(format)")
            let single = try PenvizProcess.run(["plot", run.run.path, "--classes", "cat,dog,owl", "--out", alone])
            #expect(single.status == 0, "\(single.stderr)")
            #expect(try contents(path) == (try contents(alone)), "\(format)")
        }
    }

    @Test("calibrate writes both figures and the metrics")
    func calibrateTwoFormats() throws {
        let run = try CalibrateCommandTests.run()
        defer { run.cleanUp() }
        let png = run.path("r.png"), svg = run.path("r.svg"), metrics = run.path("m.json")
        let result = try PenvizProcess.run(
            ["calibrate", run.run.path, "--bootstrap", "0", "--out", png, "--out", svg, "--metrics", metrics])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try contents(png).starts(with: PlotCommandTests.signatures["png"]!))
        #expect(try contents(svg).starts(with: PlotCommandTests.signatures["svg"]!))
        #expect(FileManager.default.fileExists(atPath: metrics))
    }

    @Test("a file named twice, or one bad extension among good ones, is a usage error that writes nothing",
          arguments: [["fig.png", "fig.png"], ["fig.png", "fig.jpg"], ["fig.svg", "./fig.svg", "fig.tiff"]])
    func badLists(names: [String]) throws {
        let run = try PlotCommandTests.twoSplitRun()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(
            ["plot", run.run.path, "--classes", "cat,dog,owl"] + names.flatMap { ["--out", run.path($0)] })
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("error:"))
        for name in names { #expect(!FileManager.default.fileExists(atPath: run.path(name))) }
    }

    @Test("plot without --out is a usage error")
    func plotNeedsOut() throws {
        let run = try PlotCommandTests.twoSplitRun()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["plot", run.run.path, "--classes", "cat,dog,owl"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--out"))
    }
}
