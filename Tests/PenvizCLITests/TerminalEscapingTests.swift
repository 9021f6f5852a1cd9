import Foundation
import Testing

/// Names from files (class names, array keys) reach the terminal escaped: an escape
/// sequence or a line break in a name never acts on the terminal or splits a line.
@Suite("Terminal escaping")
struct TerminalEscapingTests {
    /// The default run with hostile class names and a hostile extra array key.
    func hostileRun() throws -> RunFolder {
        let run = try RunFolder()
        run.write("class_names", NpyBytes.unicode(["c\u{1B}[31mat", "do\ng", "o\u{9B}2Jwl"]))
        run.write("note\u{1B}]0;pwned\u{07}", NpyBytes.float64([1], shape: [1]))
        return run
    }

    /// True when `text` holds no control character other than line breaks.
    func isClean(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == "\n" || $0.properties.generalCategory != .control }
    }

    @Test func inspectPrintsKeysAndNamesEscaped() throws {
        let run = try hostileRun()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["inspect", run.run.path])
        #expect(result.status == 0)
        #expect(isClean(result.stdout) && isClean(result.stderr), "\(result.stdout.debugDescription)")
        #expect(result.stdout.contains(#"note\u{1B}]0;pwned\u{07}"#), "\(result.stdout)")
    }

    @Test func tablesAndNotesPrintClassNamesEscaped() throws {
        let run = try hostileRun()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["compare", run.run.path, run.run.path, "--classes", "0,1,2", "--out", run.path("f.svg")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(isClean(result.stdout) && isClean(result.stderr), "\(result.stdout.debugDescription)")
        #expect(result.stdout.contains(#"c\u{1B}[31mat"#) && result.stdout.contains(#"do\ng"#), "\(result.stdout)")
    }

    @Test func errorsNameAHostileClassEscapedOnOneLine() throws {
        let run = try hostileRun()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["plot", run.run.path, "--classes", "do\ng,cat,owl", "--out", run.path("f.png")])
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 1 && isClean(result.stderr), "\(result.stderr.debugDescription)")
    }
}
