/// The first row of a ``SplitPass`` whose features hold a NaN or an infinity, so
/// that a pass measuring a split also checks it instead of a second read of the
/// file.
public struct FirstNonfiniteRow: RowAccumulator {
    /// The position of the first such row; nil while every row seen is finite.
    public private(set) var position: Int?

    public init() {}

    public mutating func add(_ row: ExampleRow) {
        guard position == nil else { return }
        // Σ 0·x_i is 0 when every x_i is finite and NaN otherwise (0·±∞ and 0·NaN are NaN),
        // summed in four independent lanes so that the adds do not wait on each other.
        let x = row.features, count = x.count
        guard count > 0 else { return }
        var lanes = SIMD4<Double>(repeating: 0), tail = 0.0
        var i = 0
        while i + 4 <= count {
            lanes += 0 * UnsafeRawPointer(x.baseAddress! + i).loadUnaligned(as: SIMD4<Double>.self)
            i += 4
        }
        while i < count {
            tail += 0 * x[i]
            i += 1
        }
        if (lanes.sum() + tail).isNaN { position = row.position }
    }

    /// Keeps the earlier row: `next` saw the rows after this one's.
    public mutating func append(_ next: Self) {
        if position == nil { position = next.position }
    }
}
