import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files (and the staging folders of ``AtomicFolder``) that must not outlive
/// an interrupted process.
///
/// ``AtomicFile`` creates each temporary file through ``createTemporaryFile(_:suffixLength:)``,
/// which keeps its name in a fixed slot until ``forget(_:)``. The first call installs
/// handlers for SIGINT, SIGTERM and SIGHUP (each unless it is ignored, as under `nohup`)
/// that remove every file still named in a slot, restore the signal's default action and
/// raise it again, so the process still ends as the signal intends (status 130 for ^C).
///
/// The handler does only what is safe inside a signal handler: it reads bytes from
/// memory allocated once and never freed, and calls `unlink`, `signal` and `raise`.
/// `mkstemps` fills in the name inside the slot itself, so there is no moment when the
/// file exists and the slot does not name it; a slot is emptied (its first byte set to
/// zero) only after the file was renamed or removed. A stale or half-written name at
/// worst makes the handler unlink a name that no longer exists.
enum InterruptCleanup {
    /// How many temporary files can be registered at once; more are created unregistered.
    static let slotCount = 64
    /// Bytes a slot holds, terminating zero included; longer paths are created unregistered.
    static let slotSize = Int(PATH_MAX)

    /// The slots, one after another; a slot whose first byte is zero is empty. Making them
    /// (on first use) installs the signal handlers.
    nonisolated(unsafe) fileprivate static let slots: UnsafeMutablePointer<CChar> = {
        let memory = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        memory.initialize(repeating: 0, count: slotCount * slotSize)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            // signal() swaps handlers; an ignored signal is put back as it was.
            let previous = signal(number, removeTemporaryFiles)
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { signal(number, SIG_IGN) }
        }
        // A write past the file-size limit (`ulimit -f`) then fails with EFBIG, which the
        // writer reports and cleans up after, instead of killing the process mid-file.
        signal(SIGXFSZ, SIG_IGN)
        return memory
    }()

    /// Which slots are taken, guarded by `lock` (the handler reads the slots' first bytes instead).
    nonisolated(unsafe) private static var taken = [Bool](repeating: false, count: slotCount)
    private static let lock = NSLock()

    /// Creates a file from `template`, whose `XXXXXX` (followed by `suffixLength` more bytes)
    /// `mkstemps` replaces; returns its descriptor, its path, and the slot to ``forget(_:)``
    /// once the file has been renamed or removed. Nil when `mkstemps` fails (see `errno`).
    static func createTemporaryFile(_ template: String, suffixLength: Int32) -> (descriptor: Int32, path: String, slot: Int?)? {
        guard let slot = register(template, isFolder: false) else {
            var local = Array(template.utf8CString)
            let descriptor = local.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, suffixLength) }
            guard descriptor >= 0 else { return nil }
            return (descriptor, local.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }, nil)
        }
        let buffer = slots + slot * slotSize
        let descriptor = mkstemps(buffer, suffixLength)
        guard descriptor >= 0 else {
            forget(slot)
            return nil
        }
        return (descriptor, String(cString: buffer), slot)
    }

    /// Creates a folder from `template`, whose trailing `XXXXXX` `mkdtemp` replaces in the
    /// slot itself, so that the folder is registered from the moment it exists (as
    /// ``createTemporaryFile(_:suffixLength:)`` does for files); returns its path and the
    /// slot to ``forget(_:)``. Nil when `mkdtemp` fails (see `errno`).
    static func createTemporaryFolder(_ template: String) -> (path: String, slot: Int?)? {
        guard let slot = register(template, isFolder: true) else {
            var local = Array(template.utf8CString)
            guard local.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else { return nil }
            return (local.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }, nil)
        }
        let buffer = slots + slot * slotSize
        guard mkdtemp(buffer) != nil else {
            forget(slot)
            return nil
        }
        return (String(cString: buffer), slot)
    }

    /// Registers `path`, a file or a folder that does not exist yet, for removal by the
    /// handler: files are unlinked first, then the folders, each once it is empty (its
    /// registered subfolders gone). The path is written into the slot itself, where
    /// `mkstemps` or `mkdtemp` may then fill in its `XXXXXX`. Returns the slot to
    /// ``forget(_:)``, or nil when every slot is taken or the path is too long (the path
    /// is then not cleaned up on a signal).
    static func register(_ path: String, isFolder: Bool) -> Int? {
        _ = slots
        let bytes = Array(path.utf8CString)
        guard let slot = reserveSlot(length: bytes.count) else { return nil }
        folderSlots[slot] = isFolder ? 1 : 0
        let buffer = slots + slot * slotSize
        // The first byte last: until it is set, the handler sees an empty slot.
        bytes.withUnsafeBufferPointer { (buffer + 1).update(from: $0.baseAddress! + 1, count: bytes.count - 1) }
        buffer.pointee = bytes[0]
        return slot
    }

    /// Whether each slot names a folder (1) or a file (0); read by the handler.
    nonisolated(unsafe) fileprivate static let folderSlots: UnsafeMutablePointer<UInt8> = {
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCount)
        memory.initialize(repeating: 0, count: slotCount)
        return memory
    }()

    /// Empties `slot` after its file was renamed into place or removed.
    static func forget(_ slot: Int?) {
        guard let slot else { return }
        (slots + slot * slotSize).pointee = 0
        lock.withLock { taken[slot] = false }
    }

    private static func reserveSlot(length: Int) -> Int? {
        guard length <= slotSize else { return nil }
        return lock.withLock {
            guard let free = taken.firstIndex(of: false) else { return nil }
            taken[free] = true
            folderSlots[free] = 0
            return free
        }
    }
}

extension InterruptCleanup {
    /// Removes every registered file, then every registered folder, in passes until a
    /// pass removes none (a folder goes once its subfolders have); safe inside a signal handler.
    static func removeTemporaryFilesNow() {
        let slots = slots
        for slot in 0..<slotCount {
            let path = slots + slot * slotSize
            if path.pointee != 0 && folderSlots[slot] == 0 { unlink(path) }
        }
        var removed = true
        while removed {
            removed = false
            for slot in 0..<slotCount {
                let path = slots + slot * slotSize
                // A removed folder's slot is emptied, so the next pass skips it.
                if path.pointee != 0 && folderSlots[slot] == 1 && rmdir(path) == 0 {
                    path.pointee = 0
                    removed = true
                }
            }
        }
    }
}

/// The signal handler: removes every registered temporary file, then ends the process by the signal.
private func removeTemporaryFiles(_ number: Int32) {
    InterruptCleanup.removeTemporaryFilesNow()
    signal(number, SIG_DFL)
    raise(number)
}
