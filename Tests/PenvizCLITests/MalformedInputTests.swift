import Foundation
import Testing

/// Hostile and broken inputs, each run through the built `penviz`: exit status 1 (never
/// a signal), exactly one `error:` line that names the file and says what is wrong, no
/// output file created, an older output left byte for byte as it was, no temporary file
/// left, and nothing executed from the file. The cases are listed by format in the
/// `MalformedInputTests+…` files; ``BadInputTests`` holds twenty more.
@Suite("Malformed input")
struct MalformedInputTests {
    /// One hostile input: how to make it, and what the error must say.
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let mustSay: [String]
        let make: @Sendable (RunFolder) throws -> Invocation

        var description: String { name }
    }

    /// The command a case runs, and the path its error must name.
    struct Invocation {
        /// The arguments; `--out` is added when the command writes a file.
        let arguments: [String]
        /// The path the error line must name.
        let names: String
        /// True for `penviz project`, whose output is checked; false for `penviz inspect`.
        let writesOutput: Bool

        /// `penviz project RUN --classes 0,1,2` plus `extra`; the error names `names` (by default the run).
        static func project(_ run: String, naming names: String? = nil, extra: [String] = []) -> Invocation {
            Invocation(arguments: ["project", run, "--classes", "0,1,2"] + extra, names: names ?? run, writesOutput: true)
        }

        /// `penviz inspect FILE`.
        static func inspect(_ file: String) -> Invocation {
            Invocation(arguments: ["inspect", file], names: file, writesOutput: false)
        }
    }

    static let cases = npyCases + npzCases + safetensorsCases + textCases + classNameCases + runCases

    /// The file a pickle or header payload would create if penviz ever executed it.
    static func marker(_ run: RunFolder) -> String { run.path("PWNED") }

    @Test("fails with one error line and leaves no output", arguments: cases)
    func failsCleanly(_ hostile: Case) throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let invocation = try hostile.make(run)
        let outputs = run.directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)

        if invocation.writesOutput {
            let fresh = outputs.appendingPathComponent("fresh.csv").path
            check(try PenvizProcess.run(invocation.arguments + ["--out", fresh]), hostile, invocation)
            #expect(!FileManager.default.fileExists(atPath: fresh), "an output was created")

            let older = outputs.appendingPathComponent("older.csv").path
            let olderBytes = Data("index,label,class,p1,p2\n0,0,cat,1,2\n".utf8)
            FileManager.default.createFile(atPath: older, contents: olderBytes)
            check(try PenvizProcess.run(invocation.arguments + ["--out", older]), hostile, invocation)
            #expect(FileManager.default.contents(atPath: older) == olderBytes, "the older output changed")
        } else {
            let result = try PenvizProcess.run(invocation.arguments)
            check(result, hostile, invocation)
            #expect(result.stdout.isEmpty, "stdout: \(result.stdout)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: outputs.path).filter { $0 != "older.csv" }
        #expect(left.isEmpty, "files left beside the output: \(left)")
        #expect(!FileManager.default.fileExists(atPath: Self.marker(run)), "the input's payload was executed")
    }

    private func check(_ result: PenvizProcess.Result, _ hostile: Case, _ invocation: Invocation) {
        #expect(result.status == 1, "status \(result.status); stderr: \(result.stderr)")
        #expect(result.stderrLines.count == 1, "stderr: \(result.stderr)")
        let line = result.stderrLines.first ?? ""
        #expect(line.hasPrefix("error: "), "\(line)")
        #expect(line.contains(invocation.names), "'\(line)' should name \(invocation.names)")
        for phrase in hostile.mustSay {
            #expect(line.contains(phrase), "'\(line)' should say '\(phrase)'")
        }
    }
}

extension MalformedInputTests.Case {
    typealias Invocation = MalformedInputTests.Invocation

    /// Writes `bytes` as `file` in the default run folder; the error must name that file.
    static func member(
        _ name: String, _ file: String, mustSay: [String], _ bytes: @escaping @Sendable (RunFolder) -> Data
    ) -> Self {
        Self(name: name, mustSay: mustSay) { run in
            let path = run.run.appendingPathComponent(file).path
            FileManager.default.createFile(atPath: path, contents: bytes(run))
            return .project(run.run.path, naming: path)
        }
    }

    /// The default run folder after `change`; the error must name the folder, or `names` when given.
    static func folder(
        _ name: String, mustSay: [String], extra: [String] = [],
        _ change: @escaping @Sendable (RunFolder) throws -> Void
    ) -> Self {
        Self(name: name, mustSay: mustSay) { run in
            try change(run)
            return .project(run.run.path, extra: extra)
        }
    }

    /// `bytes` written as `run.EXT` and given as the run.
    static func runFile(
        _ name: String, pathExtension: String, mustSay: [String], _ bytes: @escaping @Sendable (RunFolder) throws -> Data
    ) -> Self {
        Self(name: name, mustSay: mustSay) { run in
            let path = run.path("run.\(pathExtension)")
            FileManager.default.createFile(atPath: path, contents: try bytes(run))
            return .project(path)
        }
    }

    /// `bytes` written as `file` and listed with `penviz inspect`.
    static func inspected(_ name: String, _ file: String, mustSay: [String], _ bytes: @escaping @Sendable () -> Data) -> Self {
        Self(name: name, mustSay: mustSay) { run in
            let path = run.path(file)
            FileManager.default.createFile(atPath: path, contents: bytes())
            return .inspect(path)
        }
    }
}
