import Foundation

/// How the report writes numbers in prose and tables: plain decimals a reader
/// can quote, never `1.5e+01`, with a fixed number of significant digits.
///
/// ```swift
/// ReportNumber.significant(15.11)     // "15.1"
/// ReportNumber.significant(0.008757)  // "0.00876"
/// ReportNumber.parameter(0.1)          // "0.1"
/// ReportNumber.factor(7.87)           // "7.9×"
/// ReportNumber.percent(0.9287)        // "92.87 %"
/// ReportNumber.points(0.0059)         // "+0.59 points"
/// ```
enum ReportNumber {
    /// `value` rounded to `digits` significant digits, as a plain decimal;
    /// magnitudes below 1e-4 or from 1e9 up use scientific notation.
    static func significant(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        guard value != 0 else { return "0" }
        let magnitude = abs(value)
        guard magnitude >= 1e-4, magnitude < 1e9 else { return minus(String(format: "%.\(digits - 1)e", value)) }
        // Round first, so 9.996 becomes 10.0 and its digits are counted from 10.
        let exponent = Int(floor(log10(Double(String(format: "%.\(digits - 1)e", magnitude))!)))
        let decimals = max(0, digits - 1 - exponent)
        return minus(String(format: "%.\(decimals)f", value))
    }

    /// A setting rather than a measurement (α, T): up to four significant
    /// digits without trailing zeros, `0.1`, `1`, `0.6223`.
    static func parameter(_ value: Double) -> String {
        var text = significant(value, digits: 4)
        guard text.contains("."), !text.contains("e") else { return text }
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text
    }

    /// A table cell: four significant digits, `–` for nil.
    static func cell(_ value: Double?) -> String {
        value.map { significant($0, digits: 4) } ?? "–"
    }

    /// How many times larger one value is than another, `7.9×`: one decimal below 10, none above.
    static func factor(_ ratio: Double) -> String {
        (ratio < 9.95 ? String(format: "%.1f", ratio) : String(format: "%.0f", ratio)) + "×"
    }

    /// A ratio of two values as a table's change column, `×0.285`.
    static func ratio(_ ratio: Double) -> String {
        "×" + significant(ratio)
    }

    /// An accuracy (a fraction) in percent with two decimals, `92.87 %`.
    static func percent(_ fraction: Double) -> String {
        String(format: "%.2f", 100 * fraction) + " %"
    }

    /// A difference of accuracies in percentage points, `+0.59 points`; its
    /// size alone (`0.59 points`) when `signed` is false.
    static func points(_ difference: Double, signed: Bool = true) -> String {
        minus(signed ? String(format: "%+.2f", 100 * difference) : String(format: "%.2f", 100 * abs(difference))) + " points"
    }

    /// A count with thousands separated by a thin space, `10 000`.
    static func count(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (value < 0 ? "−" : "") + groups.joined(separator: "\u{202F}")
    }

    /// `text` with its ASCII hyphen-minus signs set as typographic minus signs.
    private static func minus(_ text: String) -> String {
        text.replacingOccurrences(of: "-", with: "−")
    }
}
