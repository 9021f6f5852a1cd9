/// The first row of a ``SplitPass`` whose features hold a NaN or an infinity, so
/// that a pass measuring a split also checks it instead of a second read of the
/// file.
public struct FirstNonfiniteRow: RowAccumulator {
    /// The position of the first such row; nil while every row seen is finite.
    public private(set) var position: Int?

    public init() {}

    public mutating func add(_ row: ExampleRow) {
        guard position == nil else { return }
        // Σ 0·x_i is 0 when every x_i is finite and NaN otherwise (0·±∞ and 0·NaN are NaN).
        var probe = 0.0
        for value in row.features { probe += 0 * value }
        if probe.isNaN { position = row.position }
    }

    /// Keeps the earlier row: `next` saw the rows after this one's.
    public mutating func append(_ next: Self) {
        if position == nil { position = next.position }
    }
}
