import Foundation
import Testing

/// Real class names run long (ImageNet's to 110 characters): every figure command
/// draws them cut to their room, and a page too small for its content is refused
/// with a size that fits.
@Suite("Long class names and small pages")
struct LongClassNamesTests {
    /// The default run with ImageNet-length names and logits.
    func longRun() throws -> RunFolder {
        let run = try RunFolder()
        run.write("class_names", NpyBytes.unicode([
            "n01440764 tench, Tinca tinca, a freshwater fish of the carp family found in Europe and western Asia",
            "n01443537 goldfish, Carassius auratus",
            "n01484850 great white shark, white shark, man-eater, man-eating shark, Carcharodon carcharias",
        ]))
        run.write("val_logits", NpyBytes.float64([2, 0, 1, 0, 3, 1, 1, 1, 0, 0, 2, 4], shape: [4, 3]))
        return run
    }

    @Test(arguments: ["plot", "compare", "calibrate", "report"])
    func everyFigureCommandDrawsLongNames(command: String) throws {
        let run = try longRun()
        defer { run.cleanUp() }
        var arguments = [command, run.run.path]
        if command != "plot" { arguments.append(run.run.path) }
        if command == "plot" || command == "compare" { arguments += ["--classes", "0,1,2"] }
        arguments += command == "report" ? ["--out", run.path("report")] : ["--out", run.path("f.png"), "--out", run.path("f.svg")]
        let result = try PenvizProcess.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test(arguments: ["plot", "compare"])
    func aPageTooSmallIsRefusedWithASizeThatFits(command: String) throws {
        let run = try longRun()
        defer { run.cleanUp() }
        let runs = command == "plot" ? [run.run.path] : [run.run.path, run.run.path]
        let small = try PenvizProcess.run(
            [command] + runs + ["--classes", "0,1,2", "--width", "100", "--height", "100", "--out", run.path("f.png")])
        #expect(small.status == 64)
        #expect(small.stderrLines.filter { $0.hasPrefix("error:") }.count == 1)
        #expect(small.stderr.contains("a page of 100 × 100 points is too small"), "\(small.stderr)")
        #expect(!FileManager.default.fileExists(atPath: run.path("f.png")))
        // The size the message names is one that draws.
        let numbers = small.stderr.split(separator: "at least ")[1].split(separator: " ")
        let (width, height) = (String(numbers[0]), String(numbers[2]))
        let fits = try PenvizProcess.run(
            [command] + runs + ["--classes", "0,1,2", "--width", width, "--height", height, "--out", run.path("f.png")])
        #expect(fits.status == 0, "\(fits.stderr)")
    }
}
