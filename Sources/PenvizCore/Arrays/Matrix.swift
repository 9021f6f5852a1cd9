/// A dense row-major matrix of `Double`s, small enough to hold in memory
/// (final-layer weights, centroids, computed logits).
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The values, row after row.
    public var values: [Double]

    /// A matrix from row-major `values`; `values.count` must be `rows × columns`.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns, "Matrix: \(values.count) values for \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from an array of equally long rows.
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "Matrix: ragged rows")
        self.init(rows: rowArrays.count, columns: columns, values: rowArrays.flatMap { $0 })
    }

    /// A 2-d array read into memory as Float64.
    public init(_ array: ArrayView) {
        precondition(array.shape.count == 2, "Matrix: needs a 2-d array")
        self.init(rows: array.shape[0], columns: array.shape[1], values: array.doubles())
    }

    /// The value at (`row`, `column`).
    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// Row `row` as an array.
    public func row(_ row: Int) -> [Double] {
        Array(values[(row * columns)..<((row + 1) * columns)])
    }
}
