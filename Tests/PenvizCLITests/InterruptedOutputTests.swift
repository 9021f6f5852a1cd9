import Foundation
import Testing

/// ^C while `penviz project` writes its output leaves no temporary file and no half
/// file: the older output stays as it was (AtomicFile's interrupt cleanup).
@Suite("Interrupted output")
struct InterruptedOutputTests {
    /// The default run with `rows` examples in `val`, written fast (whole arrays at once).
    static func bigRun(rows: Int) throws -> RunFolder {
        let run = try RunFolder()
        let features = (0..<(2 * rows)).map { Double($0 % 1000) / 7 }
        let labels = (0..<rows).map { Int64($0 % 3) }
        run.write("val_features", NpyBytes.file(
            header: "{'descr': '<f8', 'fortran_order': False, 'shape': (\(rows), 2), }",
            data: features.map { $0.bitPattern.littleEndian }.withUnsafeBytes { Data($0) }))
        run.write("val_labels", NpyBytes.file(
            header: "{'descr': '<i8', 'fortran_order': False, 'shape': (\(rows),), }",
            data: labels.map { $0.littleEndian }.withUnsafeBytes { Data($0) }))
        return run
    }

    /// Starts `penviz project` writing `output`, and sends SIGINT the moment its temporary file
    /// appears; nil when penviz finished before the file was seen.
    static func interruptWhileWriting(_ run: RunFolder, output: String) throws -> ChildProcess.Ending? {
        try interrupt(
            ["project", run.run.path, "--classes", "0,1,2", "--split", "val", "--out", output],
            whenSeenIn: (output as NSString).deletingLastPathComponent, prefix: "." + (output as NSString).lastPathComponent + ".")
    }

    /// Starts `penviz arguments…` and sends SIGINT the moment a name `prefix…tmp` appears in
    /// `folder`; how penviz ended, or nil when it finished before such a name was seen.
    static func interrupt(_ arguments: [String], whenSeenIn folder: String, prefix: String) throws -> ChildProcess.Ending? {
        let child = try ChildProcess(arguments)
        while child.isRunning {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if names.contains(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".tmp") }) {
                child.send(SIGINT)
                return child.wait()
            }
            usleep(200)
        }
        return nil
    }

    @Test("SIGINT while the output is written leaves the older output and no temporary file")
    func interruptDuringWrite() throws {
        var rows = 300_000
        for _ in 0..<4 {
            let run = try Self.bigRun(rows: rows)
            defer { run.cleanUp() }
            let outputs = run.directory.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
            let output = outputs.appendingPathComponent("coords.csv").path
            let older = Data("an older result\n".utf8)
            FileManager.default.createFile(atPath: output, contents: older)

            guard let ending = try Self.interruptWhileWriting(run, output: output),
                  FileManager.default.contents(atPath: output) == older
            else {
                // Finished, or renamed between the poll and the signal: a complete new file, so try a bigger run.
                rows *= 2
                continue
            }
            #expect(ending.signal == SIGINT, "\(ending)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: outputs.path) == ["coords.csv"])
            return
        }
        Issue.record("penviz finished every time before its temporary file could be seen")
    }
}

/// ^C while `penviz report` writes its folder leaves no staging folder behind, and no report.
@Suite("Interrupted report")
struct InterruptedReportTests {
    /// Starts `penviz report` into `folder/report` and sends SIGINT the moment its staging folder
    /// (`.report.XXXXXX.tmp`) appears; nil when the report was written before it was seen.
    static func interruptWhileStaging(_ run: RunFolder, folder: String) throws -> ChildProcess.Ending? {
        try InterruptedOutputTests.interrupt(
            ["report", run.run.path, run.run.path, "--labels", "a,b", "--bootstrap", "0", "--out", folder + "/report"],
            whenSeenIn: folder, prefix: ".report.")
    }

    @Test("SIGINT while the report's files are written removes the staging folder and everything in it")
    func interruptWhileStaging() throws {
        for _ in 0..<20 {
            let run = try RunFolder()
            defer { run.cleanUp() }
            let folder = run.path("out")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            guard let ending = try Self.interruptWhileStaging(run, folder: folder),
                  !FileManager.default.fileExists(atPath: folder + "/report")
            else { continue }  // written before the signal: try again
            #expect(ending.signal == SIGINT, "\(ending)")
            let left = try FileManager.default.subpathsOfDirectory(atPath: folder)
            #expect(left == [], "left: \(left)")
            return
        }
        Issue.record("penviz wrote its report every time before its staging folder could be seen")
    }
}
