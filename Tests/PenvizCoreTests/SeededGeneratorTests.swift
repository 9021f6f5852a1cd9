import Testing
@testable import PenvizCore

/// The seeded generator against the published reference outputs of its two algorithms.
struct SeededGeneratorTests {
    @Test func xoshiro256StarStarMatchesTheReferenceImplementation() {
        // Outputs of the reference C code (prng.di.unimi.it) from the state {1, 2, 3, 4}.
        var generator = SeededGenerator(state: 1, 2, 3, 4)
        let expected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
            607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
            10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
        ]
        #expect((0..<10).map { _ in generator.next() } == expected)
    }

    @Test func seedIsExpandedBySplitMix64() {
        // SplitMix64 from 0 starts 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f, …
        // so seed 0 must give the same first output as that raw state.
        var seeded = SeededGenerator(seed: 0)
        var raw = SeededGenerator(
            state: 0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC)
        #expect((0..<5).map { _ in seeded.next() } == (0..<5).map { _ in raw.next() })
    }

    @Test func boundedIntegersAreInRangeAndRoughlyUniform() {
        var generator = SeededGenerator(seed: 42)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[generator.next(below: 7)] += 1 }
        // each count is Binomial(70000, 1/7): mean 10000, sd ≈ 92.6; 6 sd is far outside chance.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 556 })
        #expect((0..<1000).allSatisfy { _ in generator.next(below: 1) == 0 })
    }

    @Test func unitIntervalValuesStayInHalfOpenRange() {
        var generator = SeededGenerator(seed: 1)
        let values = (0..<10_000).map { _ in generator.nextUnitInterval() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = values.reduce(0, +) / 10_000
        #expect(abs(mean - 0.5) < 0.02)
    }
}

/// `SeededGenerator.draw`: a sample without replacement, the same for the same seed.
struct SeededGeneratorDrawTests {
    @Test func drawsDistinctElementsOfTheArray() {
        var generator = SeededGenerator(seed: 3)
        let elements = Array(100..<200)
        let drawn = generator.draw(30, from: elements)
        #expect(drawn.count == 30 && Set(drawn).count == 30 && drawn.allSatisfy(elements.contains))
        var again = SeededGenerator(seed: 3)
        #expect(again.draw(30, from: elements) == drawn)
        // More than there are: all of them, shuffled.
        #expect(generator.draw(500, from: elements).sorted() == elements)
    }

    @Test func eachElementIsEquallyLikely() {
        // Drawing 2 of 4, 40,000 times: each element is drawn half the time (±2 %).
        var generator = SeededGenerator(seed: 4)
        var counts = [0, 0, 0, 0]
        for _ in 0..<40_000 { for element in generator.draw(2, from: [0, 1, 2, 3]) { counts[element] += 1 } }
        #expect(counts.allSatisfy { abs(Double($0) / 20_000 - 1) < 0.02 }, "\(counts)")
    }
}
