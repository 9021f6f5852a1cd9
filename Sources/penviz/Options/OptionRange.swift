import ArgumentParser

/// The documented range of every numeric option, checked when the command line is
/// parsed: a value outside it is a usage error (exit 64) naming the option, the
/// range and the value. The README's option table lists the same ranges.
enum OptionRange {
    /// `--width`, `--height`, in points: one inch to 200 inches (PDF's largest page).
    static let pageSide = 72.0...14_400.0
    /// `--scale`, PNG pixels a point.
    static let scale = 0.25...16.0
    /// `--font-scale`, text size relative to the default: 4–6 pt at the smallest, 24–36 pt at the largest.
    static let fontScale = 0.5...3.0
    /// `--point-size`, a point's diameter in points.
    static let pointSize = 0.1...50.0
    /// `--point-alpha`.
    static let pointAlpha = 0.0...1.0
    /// `--per-class`, points a class.
    static let perClass = 1...Int.max
    /// `--density-threshold`, points a panel (0: every panel as densities).
    static let densityThreshold = 0...Int.max
    /// `calibrate --bins`: the reliability diagram's M.
    static let bins = 1...10_000
    /// `calibrate --bootstrap`: resamples of each ECE interval, O(B·N) work.
    static let bootstrap = 0...100_000
    /// `erasure --max-rows`, `report --erasure-max-rows`: examples of the O(N²·L)
    /// estimate (20,000 with L = 5 take about 10 s on two cores; 1,000,000 take hours).
    static let erasureRows = 2...1_000_000
    /// `collapse --max-rows`, `compare` and `report --collapse-max-rows`: rows of the neural-collapse figures,
    /// N·K'·(D + K') multiply-adds (100,000 at K = 1000, D = 2048 take about 10 s on two cores).
    static let collapseRows = 2...100_000_000
    /// `serve --port`.
    static let port = 1...65_535
    /// `serve --max-points`.
    static let explorerPoints = 1_000...100_000_000

    /// Throws a `ValidationError` naming `option` and its range when `value` is outside `range` (NaN included).
    static func check(_ option: String, _ value: Double, in range: ClosedRange<Double>) throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) must lie in \(shown(range.lowerBound))…\(shown(range.upperBound)), got \(shown(value))")
        }
    }

    /// Throws a `ValidationError` naming `option` and its range when `value` is outside `range`.
    static func check(_ option: String, _ value: Int, in range: ClosedRange<Int>) throws {
        guard range.contains(value) else {
            let upper = range.upperBound == Int.max ? "" : "…\(range.upperBound)"
            let bound = upper.isEmpty ? "at least \(range.lowerBound)" : "lie in \(range.lowerBound)\(upper)"
            throw ValidationError("\(option) must \(bound), got \(value)")
        }
    }

    /// `value` as a reader writes it: 14400 rather than 14400.0.
    private static func shown(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
