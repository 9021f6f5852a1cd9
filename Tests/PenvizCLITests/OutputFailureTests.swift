import Foundation
import Testing

/// A write that fails (a full device, the file-size limit) is an error naming the
/// output and the system's reason, with no temporary file left and no older file touched.
@Suite("Output failures")
struct OutputFailureTests {
    @Test func aFullDeviceBehindASymbolicLinkIsReportedAndTheLinkStays() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let link = run.path("figure.png")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/full")
        let result = try PenvizProcess.run(["plot", run.run.path, "--classes", "cat,dog,owl", "--out", link])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("error: \(link): cannot write: No space left on device"), "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/dev/full")
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.directory.path).sorted() == ["figure.png", "run"])
    }

    @Test func writingPastTheFileSizeLimitIsAnErrorNotASignal() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let out = run.path("figure.png")
        try Data("older".utf8).write(to: URL(fileURLWithPath: out))
        // A file-size limit of one 512-byte block: the PNG needs more.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "ulimit -f 1; exec \"$0\" \"$@\"", PenvizProcess.executable.path,
            "plot", run.run.path, "--classes", "cat,dog,owl", "--out", out,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(stderr)")
        #expect(stderr.split(separator: "\n").count == 1)
        #expect(stderr.contains("error: \(out): cannot write: File too large"), "\(stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "older")
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.directory.path).sorted() == ["figure.png", "run"])
    }
}
