import PenvizTestSupport
import Testing
@testable import PenvizCore

/// ``Run/init(parts:dropNonfinite:checksFeatures:progress:)`` reports the feature
/// rows its finiteness check reads: every row of every split once, none when the
/// caller checks the features itself.
struct RunProgressTests {
    /// K = 3, D = 4; splits of 20,000 rows (several streaming chunks of float64) and of 7.
    private func parts() throws -> RunParts {
        func named(_ key: String, _ values: [Double], rows: Int, columns: Int) throws -> NamedArray {
            NamedArray(key: key, array: try StreamingSupport.view(values, rows: rows, columns: columns, dtype: .float64))
        }
        func split(_ name: String, rows: Int) throws -> RunParts.SplitParts {
            RunParts.SplitParts(
                name: name,
                features: try named("\(name)_features", (0..<(rows * 4)).map { Double($0 % 11) }, rows: rows, columns: 4),
                labels: NamedArray(
                    key: "\(name)_labels",
                    array: try StreamingSupport.view((0..<rows).map { Double($0 % 3) }, rows: rows, columns: 1, dtype: .float64)))
        }
        return RunParts(
            source: "run.npz", name: "run", weight: try named("weight", (0..<12).map(Double.init), rows: 3, columns: 4),
            splits: [try split("train", rows: 20_000), try split("val", rows: 7)])
    }

    @Test func theFinitenessCheckReportsEveryFeatureRowOnce() throws {
        let progress = CountingProgress()
        let run = try Run(parts: try parts(), progress: progress)
        #expect(progress.total == 20_007)
        #expect(run.splits.map(\.count) == [20_000, 7])
    }

    @Test func noRowsAreReportedWhenTheCallerChecksTheFeatures() throws {
        let progress = CountingProgress()
        _ = try Run(parts: try parts(), checksFeatures: false, progress: progress)
        #expect(progress.total == 0)
    }
}
