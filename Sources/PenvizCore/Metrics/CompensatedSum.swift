/// A running Float64 sum with Neumaier's compensation: the low-order bits each
/// addition loses are kept in a second term, so a mean over millions of
/// examples is accurate to about one rounding, independent of N.
public struct CompensatedSum: Sendable {
    /// The rounded running sum.
    private var sum = 0.0
    /// What the roundings of `sum` have lost so far.
    private var compensation = 0.0

    /// Zero.
    public init() {}

    /// Adds `value`.
    public mutating func add(_ value: Double) {
        let total = sum + value
        // The rounding error of `sum + value`, recovered exactly (Neumaier's branch on the larger magnitude).
        if abs(sum) >= abs(value) {
            compensation += (sum - total) + value
        } else {
            compensation += (value - total) + sum
        }
        sum = total
    }

    /// Adds another partial sum (used to combine per-block sums in a fixed order).
    public mutating func add(_ other: CompensatedSum) {
        add(other.sum)
        compensation += other.compensation
    }

    /// The compensated total.
    public var value: Double { sum + compensation }
}
