import PenvizTestSupport
import Testing
@testable import PenvizCore

/// ``SplitPass``: every row reaches every accumulator once, in order, at any thread count.
struct StreamingSplitPassTests {
    /// Per-class feature sums and the order rows arrived in.
    struct ClassSums: RowAccumulator {
        var sums: [Int: Double] = [:]
        var positions: [Int] = []

        init() {}

        mutating func add(_ row: ExampleRow) {
            sums[row.label, default: 0] += row.features.reduce(0, +)
            positions.append(row.position)
        }

        mutating func append(_ next: Self) {
            sums.merge(next.sums, uniquingKeysWith: +)
            positions += next.positions
        }
    }

    /// The largest logit of every row, in order.
    struct LogitMaxima: RowAccumulator {
        var maxima: [Double] = []

        init() {}

        mutating func add(_ row: ExampleRow) {
            maxima.append(row.logits!.max()!)
        }

        mutating func append(_ next: Self) { maxima += next.maxima }
    }

    @Test func feedsEveryRowToEveryAccumulatorInOrder() throws {
        // 20,000 rows of D = 37 float32 are 148 bytes a row: three chunks of ~2 MiB.
        let rows = 20_000, d = 37
        let values = (0..<(rows * d)).map { Double($0 % 101) / 8 }
        let labels = (0..<rows).map { $0 % 3 }
        let logits = try StreamingSupport.view((0..<(rows * 3)).map { Double($0 % 7) }, rows: rows, columns: 3, dtype: .float64)
        let split = Split(
            name: "train", features: try StreamingSupport.view(values, rows: rows, columns: d, dtype: .float32),
            labels: labels, logits: logits)
        var expected: [Int: Double] = [:]
        for row in 0..<rows { expected[labels[row], default: 0] += values[(row * d)..<((row + 1) * d)].reduce(0, +) }
        // Multiples of 1/8 far below 2^50: every sum is exact, so any order gives the same total.
        let maxima: [Double] = (0..<rows).map { row in Double([0, 1, 2].map { (row * 3 + $0) % 7 }.max()!) }
        for threads in [1, 2] {
            let both = SplitPass.run(split, into: Both<ClassSums, LogitMaxima>.self, threads: threads)
            #expect(both.first.positions == Array(0..<rows))
            #expect(both.first.sums == expected)
            #expect(both.second.maxima == maxima)
        }
    }

    /// Rows seen, after a starting number that only the maker of the empty accumulator knows.
    struct OffsetCount: RowAccumulating {
        let offset: Int
        var positions: [Int] = []

        init(offset: Int) { self.offset = offset }

        mutating func add(_ row: ExampleRow) {
            positions.append(row.position + offset)
        }

        mutating func append(_ next: Self) {
            precondition(next.offset == offset)
            positions += next.positions
        }
    }

    @Test func startsEveryChunkFromTheGivenEmptyAccumulatorAndFoldsInRowOrder() throws {
        // 1,000 float64 rows of D = 1,024 are 8 KiB a row: four chunks of 256 rows (the last 232).
        let rows = 1000, d = 1024
        let split = Split(
            name: "train", features: try StreamingSupport.view(Array(repeating: 0.5, count: rows * d), rows: rows, columns: d, dtype: .float64),
            labels: Array(repeating: 0, count: rows), logits: nil)
        for threads in [1, 2, 3] {
            let both = SplitPass.run(split, from: Both(OffsetCount(offset: 7), OffsetCount(offset: -1)), threads: threads)
            #expect(both.first.positions == Array(7..<(rows + 7)))
            #expect(both.second.positions == Array(-1..<(rows - 1)))
        }
    }

    @Test func anEmptySplitGivesBackTheEmptyAccumulator() throws {
        let split = Split(name: "val", features: try StreamingSupport.view([], rows: 0, columns: 4, dtype: .float32), labels: [], logits: nil)
        let result = SplitPass.run(split, from: OffsetCount(offset: 3))
        #expect(result.offset == 3 && result.positions.isEmpty)
        #expect(SplitPass.run(split, into: LogitMaxima.self).maxima.isEmpty)
    }
}
