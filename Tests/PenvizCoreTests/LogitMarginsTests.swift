import PenvizTestSupport
import Testing
@testable import PenvizCore

/// ``LogitGeometry/Margins``: gap, incorrect_spread and accuracy summed in one
/// streaming pass, over stored or computed logits, against a plain Float64
/// reference, and the same bits at any thread count.
struct LogitMarginsTests {
    /// gap, incorrect_spread and accuracy of logit rows `z` by the definitions, with plain loops.
    static func reference(_ z: [[Double]], _ labels: [Int]) -> (gap: Double, spread: Double, accuracy: Double) {
        var gap = 0.0, spread = 0.0, correct = 0.0
        for (row, y) in zip(z, labels) {
            let wrong = row.indices.filter { $0 != y }.map { row[$0] }
            let mean = wrong.reduce(0, +) / Double(wrong.count)
            gap += row[y] - mean
            spread += (wrong.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(wrong.count)).squareRoot()
            // argmax, ties to the lowest id
            if row.indices.first(where: { row[$0] == row.max()! }) == y { correct += 1 }
        }
        let n = Double(labels.count)
        return (gap / n, spread / n, correct / n)
    }

    /// z = x·Wᵀ + b with plain loops.
    static func logits(_ features: Matrix, _ weight: Matrix, _ bias: [Double]) -> [[Double]] {
        (0..<features.rows).map { i in
            (0..<weight.rows).map { k in (0..<weight.columns).reduce(bias[k]) { $0 + features[i, $1] * weight[k, $1] } }
        }
    }

    @Test func storedLogitsMatchTheReference() throws {
        // Made-up logits, K = 4, with ties for the argmax in rows 1 and 3.
        let z: [[Double]] = [[2.5, -1, 0.25, 3], [1, 1, 0, -2], [-0.5, 4, 1.5, 2], [0, 3, 3, 1], [7, -2, 0.5, 1]]
        let labels = [3, 1, 2, 2, 0]
        let split = Split(
            name: "val", features: try TestSupport.view(Matrix(rows: 5, columns: 1, values: [0, 0, 0, 0, 0])),
            labels: labels, logits: try TestSupport.view(Matrix(z)))
        let margins = SplitPass.run(split, from: LogitGeometry.Margins(classCount: 4))
        #expect(margins.count == 5)
        let geometry = try LogitGeometry(margins)
        let want = Self.reference(z, labels)
        #expect(TestData.close(geometry.gap, want.gap, relative: 1e-15))
        #expect(TestData.close(geometry.incorrectSpread, want.spread, relative: 1e-15))
        #expect(geometry.accuracy == want.accuracy)
        #expect(geometry.accuracy == 2.0 / 5)  // rows 0 and 4; row 1's tie goes to class 0
    }

    @Test func noRowsIsAnError() throws {
        let split = Split(name: "val", features: try TestSupport.view([], shape: [0, 2]), labels: [], logits: nil)
        let margins = SplitPass.run(split, from: LogitGeometry.Margins(classCount: 3))
        #expect(throws: PenvizError.self) { try LogitGeometry(margins) }
    }

    @Test func sameBitsAtOneTwoAndThreeThreadsOverSeveralChunks() throws {
        // 1,000 float64 rows of D = 1,024: four chunks; float32 logits stored.
        var generator = SeededGenerator(seed: 6)
        let n = 1000, d = 1024, k = 6
        let features = TestData.randomMatrix(n, d, in: -1...1, &generator)
        let weight = TestData.randomMatrix(k, d, &generator)
        let bias = TestData.uniform(k, &generator)
        let labels = (0..<n).map { _ in generator.next(below: k) }
        let z = Self.logits(features, weight, bias)
        let view = try TestSupport.view(features)
        let stored = Split(name: "val", features: view, labels: labels, logits: try TestSupport.view(Matrix(z), dtype: .float32))
        let runs = try [1, 2, 3].map { try LogitGeometry(SplitPass.run(stored, from: LogitGeometry.Margins(classCount: k), threads: $0)) }
        for geometry in runs.dropFirst() {
            #expect(geometry.gap.bitPattern == runs[0].gap.bitPattern)
            #expect(geometry.incorrectSpread.bitPattern == runs[0].incorrectSpread.bitPattern)
            #expect(geometry.accuracy == runs[0].accuracy)
        }
    }
}
