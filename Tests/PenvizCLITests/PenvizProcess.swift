import Foundation

/// Runs the built `penviz` executable and captures what it prints.
struct PenvizProcess {
    /// What one run of the command produced.
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        /// Standard error split into lines, without empty ones.
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The `penviz` binary beside the test bundle in the build folder.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // swift-testing runs from inside `penvizPackageTests.xctest` on some platforms.
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("penviz").path),
            directory.pathComponents.count > 1
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("penviz")
    }

    /// Runs `penviz arguments…` in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a full pipe cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
