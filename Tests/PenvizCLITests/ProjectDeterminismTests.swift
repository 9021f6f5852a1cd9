import Foundation
import Testing

/// `penviz project` writes the same bytes every time: across two runs, and whether
/// Dispatch's concurrent loops get one CPU or every CPU (PenvizCore cuts rows into
/// blocks of a fixed size, so the thread count must not change a bit).
@Suite("Project determinism")
struct ProjectDeterminismTests {
    static let taskset = "/usr/bin/taskset"

    /// The default run with a 64-wide final layer and 5,000 validation rows (about twenty row blocks).
    static func wideRun() throws -> RunFolder {
        let run = try RunFolder()
        let (rows, width) = (5_000, 64)
        func value(_ i: Int, _ j: Int) -> Double { Double((i * 7919 + j * 104_729) % 2_003) / 1_001 - 1 }
        run.write("weight", NpyBytes.float64((0..<(3 * width)).map { value($0 / width, $0 % width) }, shape: [3, width]))
        run.write("val_features", NpyBytes.float64((0..<(rows * width)).map { value($0 / width + 5, $0 % width) }, shape: [rows, width]))
        run.write("val_labels", NpyBytes.int64((0..<rows).map { $0 % 3 }, shape: [rows]))
        return run
    }

    /// Runs `penviz project` on `run` into `output` (optionally on CPU 0 only) and returns the file's bytes.
    static func project(_ run: RunFolder, _ output: String, oneCPU: Bool = false) throws -> Data {
        let arguments = ["project", run.run.path, "--classes", "2,0,1", "--all-classes", "--out", output]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: oneCPU ? taskset : PenvizProcess.executable.path)
        process.arguments = oneCPU ? ["--cpu-list", "0", PenvizProcess.executable.path] + arguments : arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try Data(contentsOf: URL(fileURLWithPath: output))
    }

    @Test("two runs write identical bytes", arguments: ["csv", "npy", "json"])
    func twoRuns(_ format: String) throws {
        let run = try Self.wideRun()
        defer { run.cleanUp() }
        let first = try Self.project(run, run.path("first.\(format)"))
        let second = try Self.project(run, run.path("second.\(format)"))
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test("one CPU and every CPU write identical bytes", .enabled(if: FileManager.default.isExecutableFile(atPath: taskset)),
          arguments: ["csv", "npy", "json"])
    func threadCounts(_ format: String) throws {
        let run = try Self.wideRun()
        defer { run.cleanUp() }
        let every = try Self.project(run, run.path("every.\(format)"))
        let one = try Self.project(run, run.path("one.\(format)"), oneCPU: true)
        #expect(every == one)
    }
}
