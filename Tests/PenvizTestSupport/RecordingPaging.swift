import Foundation
import PenvizCore

/// A paging that records what a pass released.
public final class RecordingPaging: StoragePaging, @unchecked Sendable {
    private let lock = NSLock()
    private var released: [Range<Int>] = []

    /// Nothing released yet.
    public init() {}

    public func release(_ range: Range<Int>) {
        lock.lock()
        released.append(range)
        lock.unlock()
    }

    /// Every range released, in the order released.
    public var ranges: [Range<Int>] {
        lock.lock()
        defer { lock.unlock() }
        return released
    }
}
