import Foundation
import PenvizTestSupport
import Testing
@testable import PenvizCore

/// gap, incorrect_spread, accuracy and ls_gap against values worked out by hand.
struct LogitGeometryTests {
    // Four examples, K = 3:
    //   z = (3, 1, 0),  y = 0: others {1, 0},  mean 0.5, gap 2.5, std 0.5, argmax 0 ✓
    //   z = (2, 2, −1), y = 1: others {2, −1}, mean 0.5, gap 1.5, std 1.5, argmax 0 (tie → lowest) ✗
    //   z = (0, 4, 4),  y = 2: others {0, 4},  mean 2,   gap 2,   std 2,   argmax 1 (tie → lowest) ✗
    //   z = (5, 5, 1),  y = 0: others {5, 1},  mean 3,   gap 2,   std 2,   argmax 0 (tie → lowest) ✓
    // gap = (2.5 + 1.5 + 2 + 2)/4 = 2; incorrect_spread = (0.5 + 1.5 + 2 + 2)/4 = 1.5; accuracy = 2/4.
    let logits = Matrix([[3, 1, 0], [2, 2, -1], [0, 4, 4], [5, 5, 1]])
    let labels = [0, 1, 2, 0]

    @Test func handBuiltLogits() throws {
        let geometry = try LogitGeometry(logits: LogitSource(logits), labels: labels)
        #expect(geometry.gap == 2)
        #expect(geometry.incorrectSpread == 1.5)
        #expect(geometry.accuracy == 0.5)
    }

    @Test func storedLogitsOfAnyDtypeGiveTheSameNumbers() throws {
        let view = try TestSupport.view(logits, dtype: .float32)
        #expect(try LogitGeometry(logits: .stored(view), labels: labels) == LogitGeometry(logits: LogitSource(logits), labels: labels))
    }

    @Test func labelSmoothingGapMatchesItsClosedForm() {
        // α = 0.1, K = 10: ((0.9)(10) + 0.1)/0.1 = 91
        #expect(TestData.close(LogitGeometry.labelSmoothingGap(alpha: 0.1, classCount: 10)!, log(91.0), relative: 1e-15))
        // α = 0.1, K = 1000: (900 + 0.1)/0.1 = 9001
        #expect(TestData.close(LogitGeometry.labelSmoothingGap(alpha: 0.1, classCount: 1000)!, log(9001.0), relative: 1e-15))
        // uniform targets (α = 1) have no gap; hard targets (α = 0) an unbounded one
        #expect(LogitGeometry.labelSmoothingGap(alpha: 1, classCount: 10) == 0)
        #expect(LogitGeometry.labelSmoothingGap(alpha: 0, classCount: 10) == nil)
        #expect(LogitGeometry.labelSmoothingGap(alpha: -0.1, classCount: 10) == nil)
    }

    @Test func logitsComputedFromFeaturesAgreeWithAPlainProduct() throws {
        var generator = SeededGenerator(seed: 99)
        let n = 600, d = 23, k = 7
        let features = TestData.randomMatrix(n, d, in: -2...2, &generator)
        let weight = TestData.randomMatrix(k, d, &generator)
        let bias = TestData.uniform(k, &generator)
        let labels = (0..<n).map { _ in generator.next(below: k) }
        // z = x·Wᵀ + b with plain loops
        var plain = Matrix(rows: n, columns: k, values: Array(repeating: 0, count: n * k))
        for i in 0..<n {
            for j in 0..<k {
                var sum = bias[j]
                for c in 0..<d { sum += features[i, c] * weight[j, c] }
                plain[i, j] = sum
            }
        }
        let computed = TestSupport.computed(plain)
        #expect(computed.isComputed)
        let held = computed.materialized()
        #expect(!held.isComputed)
        let a = try LogitGeometry(logits: computed, labels: labels)
        let b = try LogitGeometry(logits: LogitSource(plain), labels: labels)
        #expect(TestData.close(a.gap, b.gap, relative: 1e-13))
        #expect(TestData.close(a.incorrectSpread, b.incorrectSpread, relative: 1e-13))
        #expect(a.accuracy == b.accuracy)
        #expect(try LogitGeometry(logits: held, labels: labels) == a)
    }

    @Test func noExamplesIsAnError() {
        #expect(throws: PenvizError.self) {
            try LogitGeometry(logits: LogitSource(Matrix(rows: 0, columns: 3, values: [])), labels: [])
        }
    }
}
