import Foundation
import Testing

/// Every numeric option has a documented range, checked when the command line is
/// parsed: a value outside it (huge, negative, NaN) is exit 64 with one `error:` line
/// naming the option and its range, and nothing is written.
@Suite("Option ranges")
struct OptionRangeTests {
    /// A command line with one bad option, and the words its error must hold.
    struct Case: CustomStringConvertible, Sendable {
        let arguments: [String]
        let mustSay: [String]
        var description: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["plot", "--scale", "1e308"], mustSay: ["--scale", "0.25…16", "1e+308"]),
        Case(arguments: ["plot", "--scale", "nan"], mustSay: ["--scale", "0.25…16"]),
        Case(arguments: ["plot", "--scale", "0.1"], mustSay: ["--scale", "0.25…16", "0.1"]),
        Case(arguments: ["plot", "--width", "1e7"], mustSay: ["--width", "72…14400"]),
        Case(arguments: ["plot", "--height", "10"], mustSay: ["--height", "72…14400", "got 10"]),
        Case(arguments: ["plot", "--point-size", "1e308"], mustSay: ["--point-size", "0.1…50"]),
        Case(arguments: ["plot", "--point-size", "1000"], mustSay: ["--point-size", "0.1…50", "got 1000"]),
        Case(arguments: ["plot", "--point-alpha=-0.5"], mustSay: ["--point-alpha", "0…1"]),
        Case(arguments: ["plot", "--per-class", "0"], mustSay: ["--per-class", "at least 1"]),
        Case(arguments: ["plot", "--density-threshold=-1"], mustSay: ["--density-threshold", "at least 0"]),
        Case(arguments: ["compare", "--scale", "17"], mustSay: ["--scale", "0.25…16"]),
        Case(arguments: ["calibrate", "--bins", "9223372036854775807"], mustSay: ["--bins", "1…10000"]),
        Case(arguments: ["calibrate", "--bins", "1000000000"], mustSay: ["--bins", "1…10000"]),
        Case(arguments: ["calibrate", "--bootstrap", "1000000000000"], mustSay: ["--bootstrap", "0…100000"]),
        Case(arguments: ["calibrate", "--bootstrap=-1"], mustSay: ["--bootstrap", "0…100000"]),
        Case(arguments: ["report", "--scale", "1e308"], mustSay: ["--scale", "0.25…16"]),
        Case(arguments: ["report", "--per-class=-3"], mustSay: ["--per-class", "at least 1"]),
        Case(arguments: ["plot", "--font-scale", "0.1"], mustSay: ["--font-scale", "0.5…3", "got 0.1"]),
        Case(arguments: ["calibrate", "--font-scale", "nan"], mustSay: ["--font-scale", "0.5…3"]),
        Case(arguments: ["report", "--font-scale", "4"], mustSay: ["--font-scale", "0.5…3", "got 4"]),
        Case(arguments: ["serve", "--port", "0"], mustSay: ["--port", "1…65535", "got 0"]),
        Case(arguments: ["serve", "--port", "65536"], mustSay: ["--port", "1…65535"]),
        Case(arguments: ["serve", "--max-points", "999"], mustSay: ["--max-points", "1000…100000000", "got 999"]),
        Case(arguments: ["serve", "--max-points", "1000000000000"], mustSay: ["--max-points", "1000…100000000"]),
    ]

    @Test(arguments: cases)
    func outOfRangeIsAUsageErrorThatWritesNothing(_ bad: Case) throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let command = bad.arguments[0]
        var arguments = [command, run.run.path]
        if command != "plot" { arguments.append(run.run.path) }  // compare, calibrate, report and serve take runs, plot one
        if command == "plot" || command == "compare" { arguments += ["--classes", "cat,dog,owl"] }
        if command == "serve" {
            arguments += ["--labels", "a,b"]  // serve writes nothing and would listen: a bad option must stop it first
        } else {
            arguments += command == "report" ? ["--out", run.path("report")] : ["--out", run.path("figure.png")]
        }
        arguments += bad.arguments.dropFirst()
        let result = try PenvizProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        for word in bad.mustSay { #expect(result.stderr.contains(word), "\(result.stderr)") }
        #expect(!result.stderr.contains("Fatal error"))
        let written = try FileManager.default.contentsOfDirectory(atPath: run.directory.path).filter { $0 != "run" }
        #expect(written.isEmpty, "written: \(written)")
    }

    @Test func aPNGPastTheDocumentedPixelLimitIsRefusedBeforeItIsDrawn() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        // 14400 pt at 16 px a point is 230,400 pixels a side: past both of the PNG's limits.
        let result = try PenvizProcess.run([
            "plot", run.run.path, "--classes", "cat,dog,owl", "--width", "14400", "--height", "14400", "--scale", "16",
            "--out", run.path("huge.png"), "--out", run.path("huge.svg"),
        ])
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("230400 × 230400 pixel PNG exceeds the limit of 32767 pixels a side and 100 million pixels"))
        #expect(!FileManager.default.fileExists(atPath: run.path("huge.png")))
        #expect(!FileManager.default.fileExists(atPath: run.path("huge.svg")))
    }

    @Test(arguments: ["", ",", "val,", "val,val"])
    func splitListsNeedDistinctNonEmptyNames(_ splits: String) throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        for command in [["plot", run.run.path], ["compare", run.run.path, run.run.path]] {
            let result = try PenvizProcess.run(command + ["--classes", "cat,dog,owl", "--splits", splits, "--out", run.path("f.png")])
            #expect(result.status == 64)
            #expect(result.stderrLines.count == 1 && result.stderr.contains("--splits"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: run.path("f.png")))
        }
    }
}
