/// Where a split's N×K logits come from: stored in the run (any dtype, read in
/// place), held in memory, or computed from the features as `z = x·Wᵀ + b` in
/// Float64 when the run saved none (DESIGN.md §3).
///
/// Metrics read the logits in fixed blocks of rows, concurrently; nothing is
/// materialised unless asked (``materialized()``), so a computed source costs
/// K dot products of length D per row each time it is read.
public struct LogitSource: Sendable {
    private enum Storage: Sendable {
        case stored(ArrayView)
        case matrix(Matrix)
        case computed(features: ArrayView, weight: Matrix, bias: [Double])
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

    /// Logits computed from N×D `features` and the final layer: `z_k = x·w_k + b_k`, in Float64.
    public static func computed(features: ArrayView, weight: Matrix, bias: [Double]) -> LogitSource {
        precondition(features.columnCount == weight.columns && bias.count == weight.rows,
                     "LogitSource: features D = \(features.columnCount), weight \(weight.rows)×\(weight.columns), \(bias.count) biases")
        return LogitSource(
            storage: .computed(features: features, weight: weight, bias: bias),
            rowCount: features.rowCount, classCount: weight.rows)
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

    /// Reads the logits of `rows` into `buffer` (rows.count × K, row-major).
    private func readRows(_ rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
        let k = classCount
        switch storage {
        case .stored(let logits):
            for (position, row) in rows.enumerated() {
                logits.readRow(row, into: UnsafeMutableBufferPointer(rebasing: buffer[(position * k)..<((position + 1) * k)]))
            }
        case .matrix(let matrix):
            for (position, value) in matrix.values[(rows.lowerBound * k)..<(rows.upperBound * k)].enumerated() {
                buffer[position] = value
            }
        case .computed(let features, let weight, let bias):
            Self.computeLogits(features: features, weight: weight, bias: bias, rows: rows, into: buffer)
        }
    }

    /// z[r, k] = x_r·w_k + b_k for the rows of one block. Rows go 32 at a time so
    /// that each weight row, once loaded, serves 32 examples from cache.
    private static func computeLogits(
        features: ArrayView, weight: Matrix, bias: [Double], rows: Range<Int>,
        into buffer: UnsafeMutableBufferPointer<Double>
    ) {
        let d = weight.columns, k = weight.rows, tile = 32
        let x = UnsafeMutableBufferPointer<Double>.allocate(capacity: tile * d)
        defer { x.deallocate() }
        weight.values.withUnsafeBufferPointer { w in
            for tileStart in stride(from: rows.lowerBound, to: rows.upperBound, by: tile) {
                let tileRows = tileStart..<min(tileStart + tile, rows.upperBound)
                for (position, row) in tileRows.enumerated() {
                    features.readRow(row, into: UnsafeMutableBufferPointer(rebasing: x[(position * d)..<((position + 1) * d)]))
                }
                for classIndex in 0..<k {
                    let wk = w.baseAddress! + classIndex * d
                    for position in 0..<tileRows.count {
                        let out = (tileRows.lowerBound - rows.lowerBound + position) * k + classIndex
                        buffer[out] = VectorKernels.dot(x.baseAddress! + position * d, wk, count: d) + bias[classIndex]
                    }
                }
            }
        }
    }
}
