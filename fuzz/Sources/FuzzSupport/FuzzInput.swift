import Foundation
import PenvizCore
import PenvizIO

/// Feeds one libFuzzer input to penviz's readers the way the command line would:
/// as a file on disk, opened by its extension.
///
/// Errors are the expected outcome for almost every input and are ignored; what the
/// fuzzer looks for is a crash, a hang or an allocation beyond `-malloc_limit_mb`.
public enum FuzzInput {
    /// Writes `size` bytes at `data` to a file with extension `pathExtension`, opens it with
    /// ``openArchive(_:)`` and reads every array in it, element by element; with `discoverRun`
    /// it then also looks for a run in it and checks it (``RunDiscovery``).
    public static func read(
        _ data: UnsafePointer<UInt8>, _ size: Int, pathExtension: String, discoverRun: Bool = false
    ) {
        let path = scratchPath(pathExtension)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size)) else {
            fatalError("cannot write the fuzz input to \(path)")
        }
        guard let archive = try? openArchive(path) else { return }
        for entry in archive.entries {
            guard let array = try? archive.array(entry.key) else { continue }
            touch(array)
        }
        if discoverRun { _ = try? RunDiscovery().run(in: archive) }
    }

    /// Reads every element, so an array that claims bytes it does not have would fault here.
    private static func touch(_ array: ArrayView) {
        if array.dtype.isNumeric {
            var sum = 0.0
            for flat in 0..<array.count { sum += array.double(atFlat: flat) }
            blackHole(sum)
        } else {
            blackHole((try? array.strings())?.count ?? 0)
        }
    }

    @inline(never)
    private static func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

    /// One file per process and extension, in memory when `/dev/shm` exists (every input is written once).
    private static func scratchPath(_ pathExtension: String) -> String {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return (folder as NSString).appendingPathComponent("penviz-fuzz-\(getpid()).\(pathExtension)")
    }
}
