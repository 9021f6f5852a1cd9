import Foundation
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// ``TripletSuggestions`` against every triplet sorted by a plain loop over a
/// confusion matrix computed here from `exp` (``ConfusionTripletTests/mutual(logits:labels:classes:)``).
@Suite("Triplet suggestions")
struct TripletSuggestionsTests {
    /// Every triplet a < b < c with its sum, sorted best first (ties to the lowest ids).
    static func sorted(_ s: [[Double]], largest: Bool) -> [(sum: Double, triplet: Triplet)] {
        let k = s.count
        var all: [(sum: Double, ids: [Int])] = []
        for a in 0..<k { for b in (a + 1)..<k { for c in (b + 1)..<k { all.append((s[a][b] + s[a][c] + s[b][c], [a, b, c])) } } }
        all.sort { x, y in
            abs(x.sum - y.sum) > 1e-12 ? (largest ? x.sum > y.sum : x.sum < y.sum) : x.ids.lexicographicallyPrecedes(y.ids)
        }
        return all.map { ($0.sum, Triplet($0.ids[0], $0.ids[1], $0.ids[2])) }
    }

    @Test("the ten most and least confused triplets are those of a sort of all of them", arguments: [6, 11, 24])
    func bruteForce(classes k: Int) throws {
        var generator = SeededGenerator(seed: UInt64(100 + k))
        let labels = (0..<(5 * k)).map { $0 % k }
        let logits = labels.map { y in (0..<k).map { l in 3 * TestData.uniform(1, &generator)[0] + (l == y ? 2 : 0) } }
        let s = ConfusionTripletTests.mutual(logits: logits, labels: labels, classes: k)
        let found = try TripletSuggestions(run: ConfusionTripletTests.run(logits: logits, labels: labels, classes: k))
        let count = min(10, k * (k - 1) * (k - 2) / 6)
        for (list, largest) in [(found.similar, true), (found.different, false)] {
            let expected = Self.sorted(s, largest: largest).prefix(count)
            #expect(list.map(\.triplet) == expected.map(\.triplet))
            for (entry, want) in zip(list, expected) { #expect(abs(entry.score - want.sum / 3) < 1e-12) }
        }
        #expect(found.isExact && found.split == "val")
    }

    @Test("the first suggestions are the --auto similar and different picks")
    func firstIsAuto() throws {
        var generator = SeededGenerator(seed: 7)
        let k = 30
        let labels = (0..<(4 * k)).map { $0 % k }
        let logits = labels.map { y in (0..<k).map { l in 4 * TestData.uniform(1, &generator)[0] + (l == y ? 3 : 0) } }
        let run = try ConfusionTripletTests.run(logits: logits, labels: labels, classes: k)
        let auto = try ConfusionTriplets(run: run), found = try TripletSuggestions(run: run)
        #expect(found.similar[0].triplet == auto.similar.triplet && found.similar[0].score == auto.similar.score)
        #expect(found.different[0].triplet == auto.different.triplet && found.different[0].score == auto.different.score)
    }

    @Test("equal logits tie every triplet: the lowest ids in order")
    func ties() throws {
        let found = try TripletSuggestions(
            run: ConfusionTripletTests.run(logits: Array(repeating: [0, 0, 0, 0, 0], count: 5), labels: [0, 1, 2, 3, 4], classes: 5),
            count: 4)
        let lowest = [Triplet(0, 1, 2), Triplet(0, 1, 3), Triplet(0, 1, 4), Triplet(0, 2, 3)]
        #expect(found.similar.map(\.triplet) == lowest && found.different.map(\.triplet) == lowest)
        #expect(found.similar.allSatisfy { abs($0.score - 0.2) < 1e-15 })
    }

    @Test("classes without examples take no part; fewer triplets than asked for give a shorter list")
    func absentClasses() throws {
        let logits: [[Double]] = [[1, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 1], [0, 0, 0, 2, 0]]
        let found = try TripletSuggestions(run: ConfusionTripletTests.run(logits: logits, labels: [0, 2, 4, 3], classes: 5))
        #expect(Set(found.similar.map(\.triplet)) == [Triplet(0, 2, 4), Triplet(0, 2, 3), Triplet(0, 3, 4), Triplet(2, 3, 4)])
        #expect(found.different.count == 4)
    }
}
