import Foundation

/// Something that takes the rows of a split one by one during a ``SplitPass``.
///
/// A pass gives each chunk of rows its own copy of an empty accumulator (one
/// that has seen no rows, but may hold what it needs to measure them: a class
/// count, templates, a final layer), the chunks run on several threads, and
/// their accumulators are then folded left to right in row order with
/// ``append(_:)``; the chunks are cut at fixed rows, so the result is the same
/// at any thread count. ``Both`` runs two accumulators (and, nested, any
/// number) over one read of the data.
public protocol RowAccumulating: Sendable {
    /// Takes the row at `position`: its features in Float64 (D values), its label
    /// and, when the split has logits, its logits (K values).
    mutating func add(
        position: Int, features: UnsafeBufferPointer<Double>, label: Int, logits: UnsafeBufferPointer<Double>?)
    /// Takes in everything `next`, the accumulator of the rows right after this one's, has seen.
    mutating func append(_ next: Self)
}

/// A ``RowAccumulating`` that needs nothing to start: `init()` is its empty state,
/// so a pass can be asked for by type (``SplitPass/run(_:into:threads:progress:)``).
public protocol RowAccumulator: RowAccumulating {
    /// An accumulator that has seen no rows.
    init()
}

/// Two accumulators fed by one pass.
public struct Both<First: RowAccumulating, Second: RowAccumulating>: RowAccumulating {
    public var first: First
    public var second: Second

    /// Both of two accumulators, each as it is (usually empty).
    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    public mutating func add(
        position: Int, features: UnsafeBufferPointer<Double>, label: Int, logits: UnsafeBufferPointer<Double>?
    ) {
        first.add(position: position, features: features, label: label, logits: logits)
        second.add(position: position, features: features, label: label, logits: logits)
    }

    public mutating func append(_ next: Self) {
        first.append(next.first)
        second.append(next.second)
    }
}

extension Both: RowAccumulator where First: RowAccumulator, Second: RowAccumulator {
    /// Both accumulators empty.
    public init() { self.init(First(), Second()) }
}

/// One streaming read of a split that feeds every row to an accumulator: every
/// per-split metric can be gathered in a single pass over a large file (see
/// ``RowStream``: chunks on several threads, pages released behind them).
public enum SplitPass {
    /// Runs `A`, starting from `A()`, over every row of `split` and returns what it gathered.
    public static func run<A: RowAccumulator>(
        _ split: Split, into: A.Type = A.self, threads: Int? = nil, progress: (any WorkProgress)? = nil
    ) -> A {
        run(split, from: A(), threads: threads, progress: progress)
    }

    /// Runs an accumulator over every row of `split` and returns what it gathered:
    /// each chunk of rows starts from a copy of `empty`, and the chunks' results
    /// are folded left to right in row order (the first chunk's result is the
    /// start of the fold), as soon as every chunk before them is done, so that
    /// only the chunks finished out of order wait in memory. An empty split
    /// gives back `empty`.
    public static func run<A: RowAccumulating>(
        _ split: Split, from empty: A, threads: Int? = nil, progress: (any WorkProgress)? = nil
    ) -> A {
        let stream = RowStream(array: split.features)
        let fold = InOrderFold<A>()
        stream.forEachChunk(threads: threads ?? RowBlocks.threadCount, progress: progress) { positions in
            let features = UnsafeMutableBufferPointer<Double>.allocate(capacity: split.dimension)
            let logits = UnsafeMutableBufferPointer<Double>.allocate(capacity: split.logits?.columnCount ?? 0)
            defer {
                features.deallocate()
                logits.deallocate()
            }
            var accumulator = empty
            for position in positions {
                split.features.readRow(position, into: features)
                split.logits?.readRow(position, into: logits)
                accumulator.add(
                    position: position, features: UnsafeBufferPointer(features), label: split.labels[position],
                    logits: split.logits == nil ? nil : UnsafeBufferPointer(logits))
            }
            fold.take(accumulator, chunk: positions.lowerBound / stream.rowsPerChunk)
        }
        return fold.result ?? empty
    }
}

/// The left-to-right fold of a pass's chunk accumulators, done as the chunks
/// finish: chunk c is appended once chunks 0..<c have been, so the appends are
/// always the same, in the same order, whichever thread finished which chunk.
private final class InOrderFold<A: RowAccumulating>: @unchecked Sendable {
    private let lock = NSLock()
    /// Chunks 0..<next folded together; nil before chunk 0 is done.
    private var folded: A?
    /// The chunk to fold next.
    private var next = 0
    /// Chunks done before some chunk ahead of them.
    private var waiting: [Int: A] = [:]

    /// Takes the accumulator of `chunk` and folds in every chunk that is now next in line.
    func take(_ accumulator: A, chunk: Int) {
        lock.lock()
        defer { lock.unlock() }
        waiting[chunk] = accumulator
        while let ready = waiting.removeValue(forKey: next) {
            if folded == nil {
                folded = ready
            } else {
                folded!.append(ready)
            }
            next += 1
        }
    }

    /// Every chunk folded (call after the pass); nil when there were none.
    var result: A? {
        lock.lock()
        defer { lock.unlock() }
        precondition(waiting.isEmpty, "SplitPass: chunks \(waiting.keys.sorted()) were never folded")
        return folded
    }
}
