import Foundation
import PenvizCore

/// A progress that adds up what it is told.
public final class CountingProgress: WorkProgress, @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0

    public init() {}

    public func advance(by units: Int) {
        lock.lock()
        done += units
        lock.unlock()
    }

    /// Units reported so far.
    public var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return done
    }
}
