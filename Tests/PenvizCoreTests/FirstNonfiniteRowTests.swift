import PenvizTestSupport
import Testing
@testable import PenvizCore

/// ``FirstNonfiniteRow`` in a ``SplitPass``: the earliest row with a NaN or an
/// infinity anywhere in it, whatever the chunks and the thread count.
struct FirstNonfiniteRowTests {
    /// 20,000 rows of 37 float64 (296 bytes: three streaming chunks of 7,085 rows); `bad` rows get `value` in column `column`.
    private func split(bad: [Int], value: Double, column: Int = 3) throws -> Split {
        let rows = 20_000, columns = 37
        var values = (0..<(rows * columns)).map { Double($0 % 13) - 6 }
        for row in bad { values[row * columns + column] = value }
        return Split(
            name: "val", features: try StreamingSupport.view(values, rows: rows, columns: columns, dtype: .float64),
            labels: (0..<rows).map { $0 % 2 }, logits: nil)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func findsTheEarliestRowAtAnyThreadCount(value: Double) throws {
        // Rows in the last chunk, the first and the middle one: the earliest wins.
        let split = try split(bad: [19_990, 8_000, 123, 12_000], value: value)
        for threads in [1, 2, 3] {
            #expect(SplitPass.run(split, into: FirstNonfiniteRow.self, threads: threads).position == 123)
        }
        let first = try self.split(bad: [0], value: value, column: 0)
        #expect(SplitPass.run(first, into: FirstNonfiniteRow.self).position == 0)
    }

    @Test func finiteRowsGiveNone() throws {
        // Large finite values stay finite: 0·x is 0 for every finite x.
        let split = try split(bad: [5, 17_000], value: .greatestFiniteMagnitude)
        #expect(SplitPass.run(split, into: FirstNonfiniteRow.self, threads: 2).position == nil)
    }
}
