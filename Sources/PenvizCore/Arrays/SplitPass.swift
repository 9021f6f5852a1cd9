/// Something that takes the rows of a split one by one during a ``SplitPass``.
///
/// A pass gives each chunk of rows a fresh accumulator, the chunks run on
/// several threads, and their accumulators are then folded left to right in row
/// order with ``append(_:)``; the chunks are cut at fixed rows, so the result is
/// the same at any thread count. ``Both`` runs two accumulators (and, nested,
/// any number) over one read of the data.
public protocol RowAccumulator: Sendable {
    /// An accumulator that has seen no rows.
    init()
    /// Takes the row at `position`: its features in Float64 (D values), its label
    /// and, when the split has logits, its logits (K values).
    mutating func add(
        position: Int, features: UnsafeBufferPointer<Double>, label: Int, logits: UnsafeBufferPointer<Double>?)
    /// Takes in everything `next`, the accumulator of the rows right after this one's, has seen.
    mutating func append(_ next: Self)
}

/// Two accumulators fed by one pass.
public struct Both<First: RowAccumulator, Second: RowAccumulator>: RowAccumulator {
    public var first = First()
    public var second = Second()

    public init() {}

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

/// One streaming read of a split that feeds every row to an accumulator: every
/// per-split metric can be gathered in a single pass over a large file (see
/// ``RowStream``: chunks on several threads, pages released behind them).
public enum SplitPass {
    /// Runs `A` over every row of `split` and returns what it gathered.
    public static func run<A: RowAccumulator>(
        _ split: Split, into: A.Type = A.self, threads: Int? = nil, progress: (any WorkProgress)? = nil
    ) -> A {
        let stream = RowStream(array: split.features)
        let chunks = (stream.count + stream.rowsPerChunk - 1) / stream.rowsPerChunk
        var parts = [A](repeating: A(), count: chunks)
        parts.withUnsafeMutableBufferPointer { slots in
            let output = DisjointWrites(buffer: slots)
            stream.forEachChunk(threads: threads ?? RowBlocks.threadCount, progress: progress) { positions in
                let features = UnsafeMutableBufferPointer<Double>.allocate(capacity: split.dimension)
                let logits = UnsafeMutableBufferPointer<Double>.allocate(capacity: split.logits?.columnCount ?? 0)
                defer {
                    features.deallocate()
                    logits.deallocate()
                }
                var accumulator = A()
                for position in positions {
                    split.features.readRow(position, into: features)
                    split.logits?.readRow(position, into: logits)
                    accumulator.add(
                        position: position, features: UnsafeBufferPointer(features), label: split.labels[position],
                        logits: split.logits == nil ? nil : UnsafeBufferPointer(logits))
                }
                output.buffer[positions.lowerBound / stream.rowsPerChunk] = accumulator
            }
        }
        return parts.dropFirst().reduce(into: parts.first ?? A()) { $0.append($1) }
    }
}
