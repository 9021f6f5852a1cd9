import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `penviz` run as a child with `posix_spawn`, for tests that signal it or measure it.
///
/// Unlike `Process`, the child starts with no blocked signals and default signal actions
/// (a test runs on a Dispatch thread, which blocks signals, and a child would inherit that
/// mask), and it is reaped with `wait4`, which reports that child's own peak memory.
final class ChildProcess {
    /// How the child ended.
    struct Ending: Equatable {
        /// The exit status, or nil when a signal ended it.
        let status: Int32?
        /// The signal that ended it, or nil when it exited.
        let signal: Int32?
        /// Its peak resident size in kilobytes (`ru_maxrss`).
        let peakKilobytes: Int
    }

    let pid: pid_t
    private(set) var ending: Ending?

    /// Starts `penviz arguments…` with standard output sent to the file `stdout` (created
    /// afresh) or to /dev/null, and standard error to /dev/null.
    init(_ arguments: [String], stdout: String? = nil) throws {
        let path = PenvizProcess.executable.path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        self.pid = pid
    }

    /// True until the child has ended (and been reaped).
    var isRunning: Bool {
        ending == nil && !reap(options: WNOHANG)
    }

    /// Sends `signal` to the child.
    func send(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the child to end.
    @discardableResult
    func wait() -> Ending {
        if ending == nil { _ = reap(options: 0) }
        return ending!
    }

    /// Reaps the child if it has ended; true when it has.
    private func reap(options: Int32) -> Bool {
        var status: Int32 = 0
        var usage = rusage()
        var reaped: pid_t
        repeat { reaped = wait4(pid, &status, options, &usage) } while reaped < 0 && errno == EINTR
        guard reaped == pid else { return false }
        let signal = status & 0x7F
        ending = Ending(
            status: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
            peakKilobytes: Int(usage.ru_maxrss))
        return true
    }
}
