import Foundation
import PenvizCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reports a mapped file that shrank while penviz read it, instead of dying by SIGBUS.
///
/// Reading a page of a mapping past the file's current end raises SIGBUS: another
/// process rewrote or truncated the dump, or a network share lost it. Every mapping
/// is registered here with its address range and a ready-made error line; the
/// SIGBUS handler finds the mapping that holds the faulting address, writes its
/// line (`error: FILE: file changed while it was read`), removes the temporary
/// output files in flight (``InterruptCleanup``) and ends the process with status 1.
/// A fault outside every registered mapping gets the default action.
///
/// The handler only reads fixed slots (no allocation, no locks), as a signal
/// handler must; registering takes a lock, and a slot becomes visible to the
/// handler only once its line and range are in place.
enum ChangedFileGuard {
    /// How many mappings can be registered at once; more are mapped unguarded.
    static let slotCount = 1024
    /// Bytes of one slot's error line, terminating NUL included.
    static let lineSize = Int(PATH_MAX) + 64

    /// Each slot's first and last-plus-one address; a slot whose end is zero is empty.
    /// Making them (on first use) installs the handler.
    nonisolated(unsafe) fileprivate static let ranges: UnsafeMutablePointer<UInt> = {
        let memory = UnsafeMutablePointer<UInt>.allocate(capacity: 2 * slotCount)
        memory.initialize(repeating: 0, count: 2 * slotCount)
        installHandler()
        return memory
    }()
    /// Each slot's error line, NUL-terminated.
    nonisolated(unsafe) fileprivate static let lines: UnsafeMutablePointer<CChar> = {
        let memory = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * lineSize)
        memory.initialize(repeating: 0, count: slotCount * lineSize)
        return memory
    }()
    nonisolated(unsafe) private static var taken = [Bool](repeating: false, count: slotCount)
    private static let lock = NSLock()

    /// Guards the `length` bytes mapped at `address` from the file at `path`; returns
    /// the slot to ``forget(_:)`` before unmapping, or nil when every slot is taken.
    static func register(address: UnsafeRawPointer, length: Int, path: String) -> Int? {
        let line = Array("error: \(VisibleText.escaped(path)): file changed while it was read (it is shorter than when it was opened)\n".utf8CString)
        let ranges = ranges, lines = lines
        guard line.count <= lineSize, let slot = lock.withLock({ () -> Int? in
            guard let free = taken.firstIndex(of: false) else { return nil }
            taken[free] = true
            return free
        }) else { return nil }
        line.withUnsafeBufferPointer { (lines + slot * lineSize).update(from: $0.baseAddress!, count: line.count) }
        let start = UInt(bitPattern: address)
        ranges[2 * slot] = start
        ranges[2 * slot + 1] = start + UInt(length)  // last: the slot is live from here on
        return slot
    }

    /// Stops guarding the mapping of `slot`.
    static func forget(_ slot: Int?) {
        guard let slot else { return }
        ranges[2 * slot + 1] = 0
        lock.withLock { taken[slot] = false }
    }

    /// Installs the SIGBUS handler (once, when the slots are made).
    private static func installHandler() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_sigaction = reportChangedFile
        #else
        action.__sigaction_u.__sa_sigaction = reportChangedFile
        #endif
        action.sa_flags = SA_SIGINFO
        sigemptyset(&action.sa_mask)
        sigaction(SIGBUS, &action, nil)
    }
}

/// The SIGBUS handler (see ``ChangedFileGuard``).
private func reportChangedFile(_ number: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    #if canImport(Glibc)
    let address = UInt(bitPattern: info?.pointee._sifields._sigfault.si_addr)
    #else
    let address = UInt(bitPattern: info?.pointee.si_addr)
    #endif
    let ranges = ChangedFileGuard.ranges
    for slot in 0..<ChangedFileGuard.slotCount {
        let end = ranges[2 * slot + 1]
        guard end != 0, ranges[2 * slot] <= address, address < end else { continue }
        let line = ChangedFileGuard.lines + slot * ChangedFileGuard.lineSize
        _ = write(2, line, strlen(line))
        InterruptCleanup.removeTemporaryFilesNow()
        _exit(1)
    }
    signal(SIGBUS, SIG_DFL)
    raise(SIGBUS)
}
