import Dispatch
import Foundation
import PenvizCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar on standard error for long passes over large files.
///
/// It exists only when standard error is a terminal (never in a pipe, a log or a
/// test), stays hidden for the first second so that quick work prints nothing,
/// then redraws one line at most ten times a second:
///
///     projecting train  [##########----------]  52%  1.0M of 2.0M rows
///
/// ``finish()`` erases the line. Passes report to it from any thread.
final class ProgressBar: WorkProgress, @unchecked Sendable {
    /// Seconds of work before the bar appears.
    static let delay: Double = 1
    /// Seconds between redraws.
    static let interval: Double = 0.1
    /// Characters between the brackets.
    static let width = 20

    private let label: String
    private let total: Int
    private let unit: String
    private let started = DispatchTime.now().uptimeNanoseconds
    private let lock = NSLock()
    private var done = 0
    private var drawnAt: UInt64?

    /// A bar for `total` units of `unit` labelled `label`, or nil when standard
    /// error is not a terminal or there is nothing to do.
    static func start(_ label: String, total: Int, unit: String) -> ProgressBar? {
        guard total > 0, isatty(STDERR_FILENO) == 1 else { return nil }
        return ProgressBar(label: label, total: total, unit: unit)
    }

    private init(label: String, total: Int, unit: String) {
        self.label = label
        self.total = total
        self.unit = unit
    }

    func advance(by units: Int) {
        lock.lock()
        defer { lock.unlock() }
        done = min(total, done + units)
        let now = DispatchTime.now().uptimeNanoseconds
        guard Double(now - started) / 1e9 >= Self.delay else { return }
        if let drawnAt, Double(now - drawnAt) / 1e9 < Self.interval { return }
        drawnAt = now
        write("\r" + line())
    }

    /// Erases the bar, if it was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawnAt != nil { write("\r\u{1B}[2K") }
    }

    /// `label  [####------]  40%  0.8M of 2.0M rows`
    private func line() -> String {
        let fraction = Double(done) / Double(total)
        let filled = Int(fraction * Double(Self.width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: Self.width - filled)
        let percent = String(Int(fraction * 100)).leftPadded(to: 3)
        return "\(label)  [\(bar)] \(percent)%  \(Self.count(done)) of \(Self.count(total)) \(unit)"
    }

    /// 950, 12.3k, 1.3M.
    static func count(_ value: Int) -> String {
        switch value {
        case ..<1_000: return String(value)
        case ..<1_000_000: return String(format: "%.1fk", Double(value) / 1e3)
        default: return String(format: "%.1fM", Double(value) / 1e6)
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension String {
    /// The string with spaces in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
