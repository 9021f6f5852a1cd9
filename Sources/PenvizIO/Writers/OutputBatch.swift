import Foundation
import PenvizCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output files written all together or not at all.
///
/// Each file added is written at once beside its target under a temporary name
/// (`.NAME.XXXXXX.tmp` in the same folder, so the rename cannot cross file
/// systems). ``commit()`` flushes every one to disk, then renames each over its
/// target. Until then no target has changed: a failure in any file (or before
/// the commit) removes every temporary file, and so does an interrupt
/// (``InterruptCleanup``) or a batch dropped without a commit. A new file gets the
/// permissions the process's umask allows; a replaced file keeps its own.
///
/// A target that exists and is neither a regular file nor a folder (a device such
/// as `/dev/null` or `/dev/stdout`, a pipe) is written in place when it is added:
/// there is no file to replace, and renaming over it would replace the device.
///
/// Missing parent folders of a target are made when it is added (as `mkdir -p`);
/// those the batch made are removed again, when empty, if it does not commit.
public final class OutputBatch {
    /// A temporary file waiting for the commit.
    private struct Pending {
        let temporaryPath: String
        let target: String
        let slot: Int?
    }

    private var pending: [Pending] = []
    /// Folders this batch made, outermost first.
    private var madeFolders: [String] = []

    /// An empty batch.
    public init() {}

    deinit { discard() }

    /// Adds `data` as the content of `path`.
    public func write(_ data: Data, to path: String) throws {
        try stream(to: path) { try $0.write(data) }
    }

    /// Adds `path`, its content appended piece by piece by `produce` (see
    /// ``StreamedFile``); for outputs too large to build in memory first.
    ///
    /// Errors thrown by `produce` pass through unchanged, after every temporary file is removed.
    public func stream(to path: String, _ produce: (StreamedFile) throws -> Void) throws {
        try write(to: path) { temporaryPath in
            let descriptor = open(temporaryPath, O_WRONLY | O_TRUNC)
            guard descriptor >= 0 else { throw Self.failure(path, "cannot write") }
            do {
                try produce(StreamedFile(descriptor: descriptor, path: path))
            } catch {
                close(descriptor)
                throw error
            }
            // A network or full file system may report a failed write only here.
            guard close(descriptor) == 0 else { throw Self.failure(path, "cannot write") }
        }
    }

    /// Adds `path`, its content written by `produce` to the temporary path it is
    /// given (for writers that take a path, such as a Cairo surface).
    ///
    /// Errors thrown by `produce` pass through unchanged, after every temporary file is removed.
    public func write(to path: String, using produce: (_ temporaryPath: String) throws -> Void) throws {
        do {
            var existing = stat()
            if stat(path, &existing) == 0, existing.st_mode & S_IFMT != S_IFREG, existing.st_mode & S_IFMT != S_IFDIR {
                try produce(path)
                return
            }
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent().path
            try makeFolder(folder, for: path)
            let template = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).XXXXXX.tmp")
            guard let (descriptor, temporaryPath, slot) = InterruptCleanup.createTemporaryFile(template, suffixLength: 4) else {
                throw Self.failure(path, "cannot create a file in '\(folder)'")
            }
            close(descriptor)
            pending.append(Pending(temporaryPath: temporaryPath, target: path, slot: slot))
            try produce(temporaryPath)
        } catch {
            discard()
            throw error
        }
    }

    /// Flushes every file to disk, then renames each over its target, in the order added.
    ///
    /// - Throws: ``PenvizError`` (input) naming the target that failed; when a flush
    ///   fails no target has changed.
    public func commit() throws {
        do {
            for file in pending { try Self.flush(file.temporaryPath, replacing: file.target) }
            while let file = pending.first {
                guard rename(file.temporaryPath, file.target) == 0 else { throw Self.failure(file.target, "cannot replace the file") }
                renamedAny = true
                InterruptCleanup.forget(file.slot)
                pending.removeFirst()
            }
        } catch {
            discard()
            throw error
        }
    }

    /// Removes every temporary file not yet renamed, and the folders made for them
    /// (innermost first; a folder that is not empty stays).
    private func discard() {
        for file in pending {
            unlink(file.temporaryPath)
            InterruptCleanup.forget(file.slot)
        }
        pending = []
        if renamedAny { return }
        for folder in madeFolders.reversed() { rmdir(folder) }
        madeFolders = []
    }

    /// True once a target has been renamed into place: its folders stay.
    private var renamedAny = false

    /// Makes `folder` and its missing parents, remembering each one made.
    private func makeFolder(_ folder: String, for target: String) throws {
        var missing: [String] = []
        var current = folder
        var existing = stat()
        while !current.isEmpty, current != "/", stat(current, &existing) != 0 {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for path in missing.reversed() {
            if mkdir(path, 0o777) == 0 {
                madeFolders.append(path)
            } else if errno != EEXIST {
                throw Self.failure(target, "cannot make the folder '\(path)'")
            }
        }
    }

    /// Flushes the temporary file to disk and gives it the permissions `target` will have.
    private static func flush(_ temporaryPath: String, replacing target: String) throws {
        let descriptor = open(temporaryPath, O_RDONLY)
        guard descriptor >= 0 else { throw failure(target, "cannot reopen the temporary file") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(target, "cannot flush to disk") }
        var existing = stat()
        let mode = stat(target, &existing) == 0 ? existing.st_mode & 0o7777 : 0o666 & ~processUmask
        guard fchmod(descriptor, mode) == 0 else { throw failure(target, "cannot set permissions") }
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
