import Foundation
import Testing

/// A file that shrinks while penviz reads it (another process rewriting the dump)
/// is one error line naming it, exit 1, and no output, never a SIGBUS.
@Suite("Shrinking input")
struct ShrinkingFileTests {
    @Test func aFeaturesFileTruncatedWhileItIsReadIsReported() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        // 10^6 rows of 512 float32 zeros: a 2 GB file of holes, read for a good while after it is mapped.
        let rows = 1_000_000
        run.write("val_features", NpyBytes.file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), 512), }", data: Data()))
        let features = run.run.appendingPathComponent("val_features.npy").path
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: features))
        try handle.truncate(atOffset: try handle.seekToEnd() + UInt64(rows * 512 * 4))
        try handle.close()
        run.write("weight", NpyBytes.float64((0..<(3 * 512)).map { Double($0 % 7) }, shape: [3, 512]))
        run.write("val_labels", NpyBytes.int64((0..<rows).map { $0 % 3 }, shape: [rows]))
        let out = run.path("points.npy")
        try Data("older".utf8).write(to: URL(fileURLWithPath: out))

        let process = Process()
        process.executableURL = PenvizProcess.executable
        process.arguments = ["project", run.run.path, "--classes", "0,1,2", "--all-classes", "--out", out]
        process.environment = ProcessInfo.processInfo.environment.merging(["PENVIZ_THREADS": "1"]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Once the features are mapped, cut the file to its first megabyte.
        var mapped = false
        for _ in 0..<5_000 where !mapped {
            let maps = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/maps", encoding: .utf8)) ?? ""
            mapped = maps.contains("val_features.npy")
            if !mapped { usleep(1_000) }
        }
        #expect(mapped)
        #expect(truncate(features, 1_000_000) == 0)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(stderr)")
        #expect(stderr == "error: \(features): file changed while it was read (it is shorter than when it was opened)\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "older")
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.directory.path).sorted() == ["points.npy", "run"])
    }
}
