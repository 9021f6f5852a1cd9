import PenvizCore

/// Seeded random data for the tests, and the tolerance check they share.
public enum TestData {
    /// `count` values uniform in `range`, reproducible from `generator`.
    public static func uniform(_ count: Int, in range: ClosedRange<Double> = -1...1, _ generator: inout SeededGenerator) -> [Double] {
        (0..<count).map { _ in range.lowerBound + (range.upperBound - range.lowerBound) * generator.nextUnitInterval() }
    }

    /// A rows×columns matrix of uniform values.
    public static func randomMatrix(_ rows: Int, _ columns: Int, in range: ClosedRange<Double> = -1...1, _ generator: inout SeededGenerator) -> Matrix {
        Matrix(rows: rows, columns: columns, values: uniform(rows * columns, in: range, &generator))
    }

    /// True when `x` and `y` agree to `relative` of the larger magnitude, or within `absolute`.
    public static func close(_ x: Double, _ y: Double, relative: Double = 1e-12, absolute: Double = 1e-12) -> Bool {
        abs(x - y) <= max(absolute, relative * max(abs(x), abs(y)))
    }
}
