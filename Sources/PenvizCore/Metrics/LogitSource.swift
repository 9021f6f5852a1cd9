/// Where a split's N×K logits come from: stored in the run (any dtype, read in
/// place), held in memory, or computed block by block (as the measuring module's
/// logit engine computes `z = x·Wᵀ + b` on a BLAS when the run saved none;
/// DESIGN.md §3).
///
/// Metrics read the logits in fixed blocks of rows, concurrently; nothing is
/// materialised unless asked (``materialized()``), so a computed source is
/// computed again each time it is read.
public struct LogitSource: Sendable {
    private enum Storage: Sendable {
        case stored(ArrayView)
        case matrix(Matrix)
        case computed(@Sendable (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void)
    }

    private let storage: Storage
    /// Number of examples, N.
    public let rowCount: Int
    /// Number of classes, K.
    public let classCount: Int

    /// Logits stored as an N×K array of any numeric dtype.
    public static func stored(_ logits: ArrayView) -> LogitSource {
        precondition(logits.shape.count == 2, "LogitSource: logits must be N×K, got shape \(logits.shape)")
        return LogitSource(storage: .stored(logits), rowCount: logits.shape[0], classCount: logits.shape[1])
    }

    /// Logits computed a block of rows at a time: `fill(rows, buffer)` writes the
    /// logits of `rows` into `buffer` (rows.count × K, row-major).
    public static func computed(
        rowCount: Int, classCount: Int, fill: @escaping @Sendable (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void
    ) -> LogitSource {
        LogitSource(storage: .computed(fill), rowCount: rowCount, classCount: classCount)
    }

    /// Logits already in memory, one row per example.
    public init(_ logits: Matrix) {
        self.init(storage: .matrix(logits), rowCount: logits.rows, classCount: logits.columns)
    }

    private init(storage: Storage, rowCount: Int, classCount: Int) {
        self.storage = storage
        self.rowCount = rowCount
        self.classCount = classCount
    }

    /// The same logits held in memory as Float64 (8·N·K bytes): worth it before
    /// reading a computed source many times, as temperature scaling does.
    public func materialized() -> LogitSource {
        if case .matrix = storage { return self }
        let blocks = mapRowBlocks { _, block in Array(block) }
        return LogitSource(Matrix(rows: rowCount, columns: classCount, values: Array(blocks.joined())))
    }

    /// The logits held in memory when they are computed (see ``materialized()``), else as they are.
    public func heldWhenComputed() -> LogitSource {
        isComputed ? materialized() : self
    }

    /// True when the logits are computed from features rather than stored or held.
    public var isComputed: Bool {
        if case .computed = storage { return true }
        return false
    }

    /// Runs `body(rows, logits)` on fixed blocks of rows, concurrently, and returns
    /// the results in block order; `logits` holds the block's rows × K values, row-major.
    func mapRowBlocks<T: Sendable>(_ body: @Sendable (Range<Int>, UnsafeBufferPointer<Double>) -> T) -> [T] {
        RowBlocks.map(rowCount: rowCount) { rows in
            let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: rows.count * classCount)
            defer { buffer.deallocate() }
            readRows(rows, into: buffer)
            return body(rows, UnsafeBufferPointer(buffer))
        }
    }

    /// Runs `body(rows, logits)` on the same fixed blocks of rows as ``mapRowBlocks(_:)``,
    /// `blocksAtOnce` of them concurrently at a time, and hands each result to `combine`
    /// in block order: for results too large to hold for every block at once.
    func forEachRowBlock<T: Sendable>(
        blocksAtOnce: Int, _ body: @Sendable (Range<Int>, UnsafeBufferPointer<Double>) -> T, combine: (T) -> Void
    ) {
        let perBlock = RowBlocks.rowsPerBlock
        let blockCount = (rowCount + perBlock - 1) / perBlock
        for first in stride(from: 0, to: blockCount, by: max(1, blocksAtOnce)) {
            let blocks = first..<min(first + max(1, blocksAtOnce), blockCount)
            let results = RowBlocks.concurrentMap(count: blocks.count) { offset in
                let start = (first + offset) * perBlock
                let rows = start..<min(start + perBlock, rowCount)
                let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: rows.count * classCount)
                defer { buffer.deallocate() }
                readRows(rows, into: buffer)
                return body(rows, UnsafeBufferPointer(buffer))
            }
            results.forEach(combine)
        }
    }

    /// Reads the logits of `rows` into `buffer` (rows.count × K, row-major).
    private func readRows(_ rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
        let k = classCount
        switch storage {
        case .stored(let logits):
            logits.readRows(rows, into: buffer)
        case .matrix(let matrix):
            for (position, value) in matrix.values[(rows.lowerBound * k)..<(rows.upperBound * k)].enumerated() {
                buffer[position] = value
            }
        case .computed(let fill):
            fill(rows, buffer)
        }
    }
}
