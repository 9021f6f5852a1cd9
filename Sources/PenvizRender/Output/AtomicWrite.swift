#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PenvizCore

/// Writes a whole file so that readers see the old file or the new one, never a
/// half-written one: the bytes go to a temporary file beside the target, are
/// flushed to disk, and the temporary file is renamed over the target. On any
/// failure the temporary file is removed and the target is left as it was.
///
/// Kept private to PenvizRender so rendering does not depend on PenvizIO; the
/// two can share one helper once PenvizIO's lands.
enum AtomicWrite {
    /// Replaces the contents of `path` with `bytes` atomically, creating the file if needed.
    ///
    /// - Throws: ``PenvizError`` of kind input naming `path` and the system's reason.
    static func replaceContents(of path: String, with bytes: [UInt8]) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var temporary = ""
        var descriptor: Int32 = -1
        repeat {
            temporary = "\(directory).\(name).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        } while descriptor < 0 && errno == EEXIST
        guard descriptor >= 0 else { throw failure(path, "cannot create a temporary file beside it") }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else {
                let error = failure(path, "cannot write")
                close(descriptor)
                unlink(temporary)
                throw error
            }
            written += result
        }
        guard fsync(descriptor) == 0 else {
            let error = failure(path, "cannot flush to disk")
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let error = failure(path, "cannot close")
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure(path, "cannot move the finished file into place")
            unlink(temporary)
            throw error
        }
    }

    /// An input error for `path` that adds the current `errno` text to `problem`.
    private static func failure(_ path: String, _ problem: String) -> PenvizError {
        PenvizError.input(path, "\(problem): \(String(cString: strerror(errno)))")
    }
}
