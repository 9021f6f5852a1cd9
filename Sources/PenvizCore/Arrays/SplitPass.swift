import Foundation

/// One example as a ``SplitPass`` hands it to its accumulators. The buffers are
/// valid only during the call that receives the row.
public struct ExampleRow {
    /// The row's position in the split.
    public let position: Int
    /// Its class id.
    public let label: Int
    /// Its D features, in Float64.
    public let features: UnsafeBufferPointer<Double>
    /// The model's K logits (stored, or computed as `x·Wᵀ + b`); nil when the pass has none.
    public let logits: UnsafeBufferPointer<Double>?
    /// Its K template logits `z̃_k = x̃·t_k` (DESIGN.md §2, in the templates' bias mode);
    /// nil when the pass has none.
    public let templateLogits: UnsafeBufferPointer<Double>?

    /// A row from its parts.
    public init(
        position: Int, label: Int, features: UnsafeBufferPointer<Double>, logits: UnsafeBufferPointer<Double>? = nil,
        templateLogits: UnsafeBufferPointer<Double>? = nil
    ) {
        self.position = position
        self.label = label
        self.features = features
        self.logits = logits
        self.templateLogits = templateLogits
    }
}

/// Something that takes the rows of a split one by one during a ``SplitPass``.
///
/// A pass gives each chunk of rows its own copy of an empty accumulator (one
/// that has seen no rows, but may hold what it needs to measure them: a class
/// count, templates' norms, a plane), the chunks run on several threads, and
/// their accumulators are then folded left to right in row order with
/// ``append(_:)``; the chunks are cut at fixed rows, so the result is the same
/// at any thread count. ``Both`` runs two accumulators (and, nested, any
/// number) over one read of the data.
public protocol RowAccumulating: Sendable {
    /// Takes one row.
    mutating func add(_ row: ExampleRow)
    /// Takes in everything `next`, the accumulator of the rows right after this one's, has seen.
    mutating func append(_ next: Self)
}

/// A ``RowAccumulating`` that needs nothing to start: `init()` is its empty state,
/// so a pass can be asked for by type (``SplitPass/run(_:into:logits:threads:progress:)``).
public protocol RowAccumulator: RowAccumulating {
    /// An accumulator that has seen no rows.
    init()
}

/// Where a ``SplitPass`` gets each row's logits and template logits: a block of
/// rows at a time, from their features (already read, in Float64) or from
/// stored arrays. The measuring module's logit engine provides them (stored
/// logits read in place, or a matrix product on a BLAS).
public protocol LogitRows: Sendable {
    /// Number of classes, K: the length of each row's logits.
    var classCount: Int { get }
    /// True when a row's template logits are its model logits (the templates carry
    /// the bias), so one buffer serves both and ``fill(positions:features:logits:templateLogits:)``
    /// gets the same buffer twice.
    var templateLogitsAreLogits: Bool { get }
    /// Fills the logits and template logits (rows × K each, row-major) of the split
    /// rows at `positions`, whose features are `features` (rows × D, row-major).
    func fill(
        positions: Range<Int>, features: UnsafeBufferPointer<Double>, logits: UnsafeMutableBufferPointer<Double>,
        templateLogits: UnsafeMutableBufferPointer<Double>)
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

    public mutating func add(_ row: ExampleRow) {
        first.add(row)
        second.add(row)
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
/// ``RowStream``: chunks on several threads, pages released behind them, the
/// stored logits' pages with the features').
public enum SplitPass {
    /// Rows whose features and logits are widened to Float64 together: a block of
    /// at most 256 rows and about 1 MiB of each, so that a block's matrix product
    /// is large enough for a BLAS and small enough for the cache.
    static func blockRows(dimension: Int, classCount: Int) -> Int {
        max(1, min(256, (1 << 20) / (8 * max(dimension, classCount, 1))))
    }

    /// Runs `A`, starting from `A()`, over every row of `split` and returns what it gathered.
    public static func run<A: RowAccumulator>(
        _ split: Split, into: A.Type = A.self, logits: (any LogitRows)? = nil, threads: Int? = nil,
        progress: (any WorkProgress)? = nil
    ) -> A {
        run(split, from: A(), logits: logits, threads: threads, progress: progress)
    }

    /// Runs an accumulator over every row of `split` and returns what it gathered:
    /// each chunk of rows starts from a copy of `empty`, and the chunks' results
    /// are folded left to right in row order (the first chunk's result is the
    /// start of the fold), as soon as every chunk before them is done, so that
    /// only the chunks finished out of order wait in memory. An empty split
    /// gives back `empty`.
    ///
    /// Each row's logits and template logits come from `logits`; without it a row
    /// has the split's stored logits (none when it saved none) and no template logits.
    public static func run<A: RowAccumulating>(
        _ split: Split, from empty: A, logits: (any LogitRows)? = nil, threads: Int? = nil,
        progress: (any WorkProgress)? = nil
    ) -> A {
        let stream = RowStream(array: split.features, companions: [split.logits].compactMap { $0 })
        let fold = InOrderFold<A> { $0.append($1) }
        let d = split.dimension, k = logits?.classCount ?? split.logits?.columnCount ?? 0
        let shared = logits?.templateLogitsAreLogits ?? false
        let block = blockRows(dimension: d, classCount: k)
        stream.forEachChunk(threads: threads ?? RowBlocks.threadCount, progress: progress) { positions in
            let features = UnsafeMutableBufferPointer<Double>.allocate(capacity: block * d)
            let z = UnsafeMutableBufferPointer<Double>.allocate(capacity: block * k)
            let zTilde = shared ? z : UnsafeMutableBufferPointer<Double>.allocate(capacity: block * k)
            defer {
                features.deallocate()
                z.deallocate()
                if !shared { zTilde.deallocate() }
            }
            var accumulator = empty
            for start in stride(from: positions.lowerBound, to: positions.upperBound, by: block) {
                let rows = start..<min(start + block, positions.upperBound)
                split.features.readRows(rows, into: features)
                if let logits {
                    logits.fill(positions: rows, features: UnsafeBufferPointer(features), logits: z, templateLogits: zTilde)
                } else {
                    split.logits?.readRows(rows, into: z)
                }
                for (offset, position) in rows.enumerated() {
                    let row = ExampleRow(
                        position: position, label: split.labels[position],
                        features: UnsafeBufferPointer(rebasing: features[(offset * d)..<((offset + 1) * d)]),
                        logits: k > 0 && (logits != nil || split.logits != nil)
                            ? UnsafeBufferPointer(rebasing: z[(offset * k)..<((offset + 1) * k)]) : nil,
                        templateLogits: logits != nil
                            ? UnsafeBufferPointer(rebasing: zTilde[(offset * k)..<((offset + 1) * k)]) : nil)
                    accumulator.add(row)
                }
            }
            fold.take(accumulator, chunk: positions.lowerBound / stream.rowsPerChunk)
        }
        return fold.result ?? empty
    }
}
