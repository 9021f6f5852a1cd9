import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// ``ComparedTriplet/automatic(_:in:includeBias:)`` on templates placed at known distances.
@Suite("Comparison automatic triplets")
struct ComparisonAutoTripletTests {
    /// Templates (0,0), (1,0), (0,1), (10,9) with zero bias. Sums of pairwise distances:
    /// (0,1,2) 1 + 1 + √2 = 3.41 (the smallest); (0,1,3) 1 + √181 + √162 = 27.18;
    /// (0,2,3) 1 + √181 + √164 = 27.26 (the largest); (1,2,3) √2 + √162 + √164 = 26.95.
    static func run() throws -> Run {
        try ComparisonTestSupport.run(
            source: "known.npz", weight: [[0, 0], [1, 0], [0, 1], [10, 9]], bias: [0, 0, 0, 0],
            names: ["a", "b", "c", "d"], splits: [.init(name: "val", features: [[0, 0]], labels: [0])])
    }

    @Test("similar is the closest triplet and different the farthest, in the order asked for")
    func knownTriplets() throws {
        let rows = try ComparedTriplet.automatic([.different, .similar], in: try Self.run(), includeBias: true)
        #expect(rows == [ComparedTriplet(kind: .different, triplet: Triplet(0, 2, 3)),
                         ComparedTriplet(kind: .similar, triplet: Triplet(0, 1, 2))])
    }

    @Test("the bias counts unless left out")
    func biasMode() throws {
        // A bias of 20 on class 1 moves its template far from the others, but only with the bias.
        let weight: [[Double]] = [[0, 0], [1, 0], [0, 1], [10, 9]]
        let run = try ComparisonTestSupport.run(
            weight: weight, bias: [0, 20, 0, 0], names: ["a", "b", "c", "d"],
            splits: [.init(name: "val", features: [[0, 0]], labels: [0])])
        // With the bias: t = (0,0,0), (1,0,20), (0,1,0), (10,9,0).
        // (0,2,3): 1 + √181 + √164 = 27.26; (0,1,2): √401 + 1 + √402 = 41.07; (0,1,3): √401 + √181 + √562 = 57.19;
        // (1,2,3): √402 + √562 + √164 = 56.56. Smallest (0,2,3), largest (0,1,3).
        let with = try ComparedTriplet.automatic([.similar, .different], in: run, includeBias: true)
        #expect(with.map(\.triplet) == [Triplet(0, 2, 3), Triplet(0, 1, 3)])
        let without = try ComparedTriplet.automatic([.similar, .different], in: run, includeBias: false)
        #expect(without.map(\.triplet) == [Triplet(0, 1, 2), Triplet(0, 2, 3)])
    }

    @Test("no criteria, no search")
    func none() throws {
        #expect(try ComparedTriplet.automatic([], in: try Self.run(), includeBias: true).isEmpty)
    }
}
