import Foundation

/// The left-to-right fold of the results of chunks that finish in any order on
/// several threads (``RowStream``'s chunks), done as they finish: chunk c is
/// folded in once chunks 0..<c have been, so the folds are always the same, in the
/// same order, whichever thread finished which chunk — the same bits at any thread
/// count — and only the chunks finished out of order wait in memory.
///
/// ```swift
/// let fold = InOrderFold<Double> { $0 += $1 }
/// stream.forEachChunk { positions in fold.take(partialSum(positions), chunk: positions.lowerBound / stream.rowsPerChunk) }
/// let total = fold.result ?? 0
/// ```
public final class InOrderFold<Value>: @unchecked Sendable {
    private let lock = NSLock()
    /// Folds the result of the next chunk into the results so far.
    private let combine: @Sendable (inout Value, Value) -> Void
    /// Chunks 0..<next folded together; nil before chunk 0 is done.
    private var folded: Value?
    /// The chunk to fold next.
    private var next = 0
    /// Chunks done before some chunk ahead of them.
    private var waiting: [Int: Value] = [:]

    /// A fold that starts from chunk 0's result and folds each next chunk's into it with `combine`.
    public init(combine: @escaping @Sendable (inout Value, Value) -> Void) {
        self.combine = combine
    }

    /// Takes the result of `chunk` and folds in every chunk that is now next in line.
    public func take(_ value: Value, chunk: Int) {
        lock.lock()
        defer { lock.unlock() }
        waiting[chunk] = value
        while let ready = waiting.removeValue(forKey: next) {
            if folded == nil {
                folded = ready
            } else {
                combine(&folded!, ready)
            }
            next += 1
        }
    }

    /// Every chunk folded (call after the pass); nil when there were none.
    public var result: Value? {
        lock.lock()
        defer { lock.unlock() }
        precondition(waiting.isEmpty, "InOrderFold: chunks \(waiting.keys.sorted()) were never folded")
        return folded
    }
}
