import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// ``ClassMeanDistances``: the mean distance between class means from blocks of a
/// Gram matrix, against the differences summed pair by pair.
@Suite("ClassMeanDistances")
struct ClassMeanDistancesTests {
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
        let want = References.meanPairDistance(means)
        #expect(abs(ClassMeanDistances.mean(means) - want) <= 1e-10 * want)
    }
}
