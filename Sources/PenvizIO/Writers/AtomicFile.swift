import Foundation
import PenvizCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files all at once or not at all.
///
/// The content goes to a temporary file beside the target (`.NAME.XXXXXX.tmp` in the
/// same folder, so the rename cannot cross file systems), is flushed to disk, and is
/// renamed over the target only when everything succeeded. On any failure the
/// temporary file is removed: a failed run never leaves a half-written file and never
/// touches an older file of the same name. An interrupt (SIGINT, SIGTERM, SIGHUP)
/// removes the temporary files in flight before the process ends (``InterruptCleanup``).
/// A new file gets the permissions the process's umask allows; a replaced file keeps its own.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws {
        try stream(to: path) { try $0.write(data) }
    }

    /// Lets `produce` append the content piece by piece (see ``StreamedFile``), then
    /// renames the result to `path`; for outputs too large to build in memory first.
    ///
    /// Errors thrown by `produce` pass through unchanged, after the temporary file is removed.
    public static func stream(to path: String, _ produce: (StreamedFile) throws -> Void) throws {
        try write(to: path) { temporaryPath in
            let descriptor = open(temporaryPath, O_WRONLY | O_TRUNC)
            guard descriptor >= 0 else { throw failure(path, "cannot write") }
            do {
                try produce(StreamedFile(descriptor: descriptor, path: path))
            } catch {
                close(descriptor)
                throw error
            }
            // A network or full file system may report a failed write only here.
            guard close(descriptor) == 0 else { throw failure(path, "cannot write") }
        }
    }

    /// Lets `produce` write the content to the temporary path it is given (for writers that
    /// take a path, such as a Cairo surface), then renames the result to `path`.
    ///
    /// Errors thrown by `produce` pass through unchanged, after the temporary file is removed.
    ///
    /// A target that exists and is neither a regular file nor a folder (a device such
    /// as `/dev/null` or `/dev/stdout`, a pipe) is written in place: there is no file to
    /// replace, and renaming over it would replace the device itself.
    public static func write(to path: String, using produce: (_ temporaryPath: String) throws -> Void) throws {
        var existing = stat()
        if stat(path, &existing) == 0, existing.st_mode & S_IFMT != S_IFREG, existing.st_mode & S_IFMT != S_IFDIR {
            try produce(path)
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let template = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).XXXXXX.tmp")
        guard let (descriptor, temporaryPath, slot) = InterruptCleanup.createTemporaryFile(template, suffixLength: 4) else {
            throw failure(path, "cannot create a file in '\(folder)'")
        }
        close(descriptor)
        defer { InterruptCleanup.forget(slot) }
        do {
            try produce(temporaryPath)
            try finish(temporaryPath, replacing: path)
        } catch {
            unlink(temporaryPath)
            throw error
        }
    }

    /// Flushes the temporary file, gives it its final permissions and renames it over `path`.
    private static func finish(_ temporaryPath: String, replacing path: String) throws {
        let descriptor = open(temporaryPath, O_RDONLY)
        guard descriptor >= 0 else { throw failure(path, "cannot reopen the temporary file") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(path, "cannot flush to disk") }
        var existing = stat()
        let mode = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o666 & ~processUmask
        guard fchmod(descriptor, mode) == 0 else { throw failure(path, "cannot set permissions") }
        guard rename(temporaryPath, path) == 0 else { throw failure(path, "cannot replace the file") }
    }

    /// The process's file-creation mask (read once: reading it means setting it).
    private static let processUmask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    private static func failure(_ path: String, _ what: String) -> PenvizError {
        PenvizError.input(path, "\(what): \(systemErrorText())")
    }
}
