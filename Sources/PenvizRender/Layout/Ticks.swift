import Foundation

/// Tick positions and labels for one axis, at "nice" steps of 1, 2 or 5 times a
/// power of ten.
public struct Ticks: Equatable, Sendable {
    /// The distance between neighbouring ticks; 0 when the range has no width.
    public let step: Double
    /// The tick positions, ascending, all inside the range.
    public let values: [Double]
    /// The label of each tick, formatted alike (same number of decimals).
    public let labels: [String]

    /// The most ticks an axis gets: a step that would give more is coarsened to a
    /// nice step giving at most this many, so no range and step can cost more.
    public static let maximumCount = 1000

    /// Ticks at multiples of `step` inside `range` (at most ``maximumCount``), labelled alike.
    public init(step requested: Double, in range: ClosedRange<Double>) {
        guard range.lowerBound.isFinite, range.upperBound.isFinite else {
            (step, values, labels) = (0, [], [])
            return
        }
        var step = requested
        if requested > 0, range.upperBound > range.lowerBound,
            !(range.upperBound / requested - range.lowerBound / requested < Double(Ticks.maximumCount - 1))
        {
            // Too fine a step: width/(maximumCount − 2) leaves fewer than maximumCount ticks, and is coarser.
            step = Ticks.niceStep(atLeast: (range.upperBound - range.lowerBound) / Double(Ticks.maximumCount - 2))
        }
        self.step = step
        guard step > 0, range.upperBound > range.lowerBound else {
            values = [range.lowerBound]
            labels = [Ticks.format(range.lowerBound, step: 0)]
            return
        }
        // A tolerance of a millionth of a step keeps ticks that land on a limit
        // only up to rounding.
        let first = (range.lowerBound / step - 1e-6).rounded(.up)
        let last = (range.upperBound / step + 1e-6).rounded(.down)
        values = first <= last ? stride(from: first, through: last, by: 1).map { $0 * step } : []
        labels = values.map { Ticks.format($0, step: step) }
    }

    /// Ticks of a logarithmic axis, whose data are log10 of the values: at the whole
    /// multiples of `step` (at least 1) inside `range`, each labelled with its value 10^v
    /// (`0.01`, `0.1`, `1`, `10`).
    public init(powersOfTenIn range: ClosedRange<Double>, step: Double) {
        let whole = Ticks(step: max(1, step.rounded(.up)), in: range)
        self.step = whole.step
        values = whole.values
        labels = whole.values.map { String(format: "%g", pow(10, $0)).replacingOccurrences(of: "-", with: "\u{2212}") }
    }

    /// No ticks: an axis without a scale to read.
    public static let none = Ticks(step: 0, values: [], labels: [])

    private init(step: Double, values: [Double], labels: [String]) {
        self.step = step
        self.values = values
        self.labels = labels
    }

    /// Ticks for `range` at the smallest nice step that gives at most
    /// `maxIntervals` steps across it.
    public static func nice(in range: ClosedRange<Double>, maxIntervals: Int) -> Ticks {
        Ticks(step: niceStep(atLeast: (range.upperBound - range.lowerBound) / Double(max(1, maxIntervals))), in: range)
    }

    /// The smallest number 1, 2 or 5 × 10ⁿ that is at least `minimum` (0 when
    /// `minimum` is not positive and finite).
    public static func niceStep(atLeast minimum: Double) -> Double {
        guard minimum > 0, minimum.isFinite else { return 0 }
        let power = pow(10, (log10(minimum)).rounded(.down))
        for factor in [1.0, 2, 5, 10] where factor * power >= minimum * (1 - 1e-12) {
            return factor * power
        }
        return 10 * power
    }

    /// The next nice step above `step`: 1 → 2 → 5 → 10.
    public static func niceStep(after step: Double) -> Double {
        niceStep(atLeast: step * 1.0001)
    }

    /// The next nice step below the nice step `step`: 10 → 5 → 2 → 1.
    public static func niceStep(before step: Double) -> Double {
        // Neighbouring nice steps differ by a factor of 2 to 2.5.
        niceStep(atLeast: step * 0.4)
    }

    /// A tick label for `value` on an axis with ticks `step` apart: plain decimals
    /// with as many places as the step needs, or `mantissa e exponent` (zero as
    /// `0`) when the step is below 10⁻⁴ or at least 10⁶. Negative numbers take a true minus sign.
    static func format(_ value: Double, step: Double) -> String {
        let stepExponent = step > 0 ? decimalExponent(step) : 0
        // A value within a billionth of a step of zero is zero: no "-0".
        let value = abs(value) <= abs(step) * 1e-9 ? 0 : value
        let text: String
        if step > 0, stepExponent < -4 || stepExponent >= 6 {
            guard value != 0 else { return "0" }
            let exponent = decimalExponent(value)
            let mantissa = value / pow(10, Double(exponent))
            let places = max(0, exponent - stepExponent)
            var digits = String(format: "%.\(places)f", mantissa)
            if digits.contains(".") {
                while digits.hasSuffix("0") { digits.removeLast() }
                if digits.hasSuffix(".") { digits.removeLast() }
            }
            text = "\(digits)e\(exponent)"
        } else {
            text = String(format: "%.\(max(0, -stepExponent))f", value)
        }
        return text.replacingOccurrences(of: "-", with: "\u{2212}")
    }

    /// The power of ten of `x`'s leading digit: 2 for 250, −3 for 0.001. Robust
    /// to `log10` landing a hair below an exact power.
    static func decimalExponent(_ x: Double) -> Int {
        var exponent = Int(log10(abs(x)).rounded(.down))
        if abs(x) >= pow(10, Double(exponent + 1)) * (1 - 1e-12) { exponent += 1 }
        return exponent
    }
}
