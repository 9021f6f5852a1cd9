import PenvizCore
import Testing

@testable import PenvizAnalysis

/// ``ClassMeanDistances``: the mean distance between class means from blocks of a
/// Gram matrix, against the differences summed pair by pair.
@Suite("ClassMeanDistances")
struct ClassMeanDistancesTests {
    /// The mean of ‖μ_k − μ_l‖ over k < l, from the differences.
    static func reference(_ means: [[Double]]) -> Double {
        var total = 0.0, pairs = 0.0
        for k in means.indices {
            for l in (k + 1)..<means.count {
                total += zip(means[k], means[l]).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
                pairs += 1
            }
        }
        return total / pairs
    }

    @Test("three means by hand: (0,0), (3,4), (6,0) are 5, 6 and 5 apart")
    func hand() {
        #expect(abs(ClassMeanDistances.mean([[0, 0], [3, 4], [6, 0]]) - 16.0 / 3) <= 1e-15 * 16 / 3)
    }

    @Test("more means than a block of the Gram matrix, far from the origin, as the differences give them",
          arguments: [0.0, 1e5])
    func random(offset: Double) {
        // 600 means in 3 blocks of 256 rows; with the offset every mean is ~10⁵ from the origin
        // and ~1 from the others: centring keeps the products of the size of the distances.
        var generator = SeededGenerator(seed: 31)
        let means = (0..<600).map { _ in (0..<24).map { _ in offset + generator.nextUnitInterval() } }
        let want = Self.reference(means)
        #expect(abs(ClassMeanDistances.mean(means) - want) <= 1e-10 * want)
    }
}
