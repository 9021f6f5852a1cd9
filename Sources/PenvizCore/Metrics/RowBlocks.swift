import Dispatch
import Foundation

/// Row-parallel work that gives the same bits whatever the thread count.
///
/// Rows `0..<n` are cut into blocks of a fixed size (never a function of the
/// number of threads); the blocks run concurrently and their results come back
/// in block order, so a caller that combines them left to right always performs
/// the same floating-point operations.
///
/// The work runs on ``threadCount`` threads: the environment variable
/// `PENVIZ_THREADS` when it holds a positive integer, else one per active core.
public enum RowBlocks {
    /// How many threads parallel work uses.
    public static let threadCount: Int = {
        if let text = ProcessInfo.processInfo.environment["PENVIZ_THREADS"], let count = Int(text), count > 0 {
            return count
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Rows per block: large enough to amortise scheduling, small enough to balance two cores.
    static let rowsPerBlock = 256

    /// Runs `body` on each block of rows, concurrently, and returns the results in block order.
    static func map<T: Sendable>(
        rowCount: Int, rowsPerBlock: Int = rowsPerBlock, _ body: @Sendable (Range<Int>) -> T
    ) -> [T] {
        let blockCount = (rowCount + rowsPerBlock - 1) / rowsPerBlock
        return concurrentMap(count: blockCount) { block in
            let start = block * rowsPerBlock
            return body(start..<min(start + rowsPerBlock, rowCount))
        }
    }

    /// Runs `body(i)` for `i` in `0..<count`, concurrently, and returns the results in index order.
    public static func concurrentMap<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let slots = Slots<T>(count: count)
        concurrentForEach(count: count) { index in slots.initialize(index, to: body(index)) }
        return slots.collect()
    }

    /// Runs `body(i)` for every `i` in `0..<count` on up to `threads` threads.
    ///
    /// Each thread takes the next unclaimed index until none is left, so the indices
    /// are started in increasing order: a pass over a file's rows reads it front to back.
    static func concurrentForEach(count: Int, threads: Int = threadCount, _ body: @Sendable (Int) -> Void) {
        let threads = min(threads, count)
        if threads <= 1 {
            for index in 0..<count { body(index) }
            return
        }
        let next = IndexDispenser(count: count)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = next.take() { body(index) }
        }
    }
}

/// Hands out the indices `0..<count` one at a time, to whichever thread asks.
private final class IndexDispenser: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) { self.count = count }

    /// The next index nobody has taken, or nil when all are taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// Uninitialised result slots that concurrent iterations fill, each iteration its own slot.
private final class Slots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
    }

    /// Fills slot `index`; every slot is filled exactly once, by one iteration.
    func initialize(_ index: Int, to value: T) {
        (base + index).initialize(to: value)
    }

    /// The filled slots as an array, after every iteration has finished.
    func collect() -> [T] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
