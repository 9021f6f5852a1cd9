import Foundation
import Testing

/// `--font-scale`, `--palette` and `--axis-labels` on every figure command: they
/// reach the figure and are recorded as `figure_style` in the metrics JSON.
@Suite("Figure style options")
struct FigureStyleOptionsTests {
    /// The `figure_style` object of the JSON file at `path`.
    static func style(_ path: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        return object["figure_style"] as! [String: Any]
    }

    @Test("compare, calibrate and erasure record the style they drew with; the defaults when none is given")
    func recorded() throws {
        let run = try ErasureCommandTests.run()
        defer { run.cleanUp() }
        let commands: [(arguments: [String], axisLabels: Bool?)] = [
            (["compare", run.run.path, run.run.path, "--classes", "cat,dog,owl", "--axis-labels"], true),
            (["calibrate", run.run.path], nil),
            (["erasure", run.run.path, "--classes", "cat,owl", "--layout", "NLK"], nil),
        ]
        for (index, command) in commands.enumerated() {
            let styled = run.path("styled\(index).json"), plain = run.path("plain\(index).json")
            let result = try PenvizProcess.run(command.arguments + [
                "--out", run.path("styled\(index).svg"), "--metrics", styled, "--font-scale", "1.5", "--palette", "tol-high-contrast",
            ])
            #expect(result.status == 0, "\(command.arguments[0]): \(result.stderr)")
            let style = try Self.style(styled)
            #expect(style["font_scale"] as? Double == 1.5 && style["palette"] as? String == "tol-high-contrast")
            #expect((style["axis_labels"] as? Bool) == command.axisLabels)
            #expect(command.axisLabels != nil || style["axis_labels"] is NSNull)

            let defaults = try PenvizProcess.run(
                command.arguments.filter { $0 != "--axis-labels" } + ["--out", run.path("plain\(index).svg"), "--metrics", plain])
            #expect(defaults.status == 0, "\(defaults.stderr)")
            let plainStyle = try Self.style(plain)
            #expect(plainStyle["font_scale"] as? Double == 1 && plainStyle["palette"] as? String == "okabe-ito")
            // The palette and the text size change the drawing.
            #expect(try Data(contentsOf: URL(fileURLWithPath: run.path("plain\(index).svg")))
                != Data(contentsOf: URL(fileURLWithPath: run.path("styled\(index).svg"))))
        }
    }

    @Test("report records its style in metrics.json; plot takes the options too")
    func reportAndPlot() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let folder = run.path("report")
        let result = try PenvizProcess.run([
            "report", run.run.path, "--out", folder, "--font-scale", "0.8", "--palette", "tol-bright", "--axis-labels",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let style = try Self.style("\(folder)/metrics.json")
        #expect(style["font_scale"] as? Double == 0.8 && style["palette"] as? String == "tol-bright")
        #expect(style["axis_labels"] as? Bool == true)

        let plot = try PenvizProcess.run([
            "plot", run.run.path, "--classes", "cat,dog,owl", "--out", run.path("plot.png"), "--font-scale", "2",
            "--palette", "tol-bright", "--axis-labels",
        ])
        #expect(plot.status == 0, "\(plot.stderr)")
    }

    @Test("an unknown palette is a usage error naming the ones there are, and writes nothing")
    func unknownPalette() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let out = run.path("plot.png")
        let result = try PenvizProcess.run(["plot", run.run.path, "--classes", "cat,dog,owl", "--out", out, "--palette", "viridis"])
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        for name in ["viridis", "okabe-ito", "tol-bright", "tol-high-contrast"] { #expect(result.stderr.contains(name)) }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
