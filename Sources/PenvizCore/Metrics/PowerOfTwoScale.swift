/// The power of two that brings a set of values near 1 without changing a digit:
/// multiplying or dividing by a power of two is exact, barring overflow and
/// underflow, so sums of squares of the scaled values neither overflow nor
/// underflow (weights of 1e300 or 1e-300) and every result scales back exactly.
public enum PowerOfTwoScale {
    /// s = 2^e, e the binary exponent of the largest |x|, so every x/s lies in (−2, 2);
    /// 1 when every value is 0 or one is not finite (there is nothing to scale, or
    /// nothing a scale could save).
    public static func of(_ values: some Sequence<Double>) -> Double {
        let largest = values.reduce(0.0) { max($0, abs($1)) }
        return largest > 0 && largest.isFinite ? Double(sign: .plus, exponent: largest.exponent, significand: 1) : 1
    }

    /// 1/s for the same s, to multiply by: 2^−e, at most 2^1023 (for values so small that
    /// 1/s itself would not be finite, which then stay below 1 after scaling).
    public static func inverse(of values: some Sequence<Double>) -> Double {
        let largest = values.reduce(0.0) { max($0, abs($1)) }
        return largest > 0 && largest.isFinite ? Double(sign: .plus, exponent: min(-largest.exponent, 1023), significand: 1) : 1
    }
}
