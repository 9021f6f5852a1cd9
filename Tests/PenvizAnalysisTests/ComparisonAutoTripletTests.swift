import Foundation
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// ``ComparedTriplet/automatic(_:in:includeBias:)``: the confusion criteria on logits
/// whose softmax is known by hand, the template criteria on templates at known distances.
@Suite("Comparison automatic triplets")
struct ComparisonAutoTripletTests {
    /// Templates (0,0), (1,0), (0,1), (10,9) with zero bias. Sums of pairwise distances:
    /// (0,1,2) 1 + 1 + √2 = 3.41 (the smallest); (0,1,3) 1 + √181 + √162 = 27.18;
    /// (0,2,3) 1 + √181 + √164 = 27.26 (the largest); (1,2,3) √2 + √162 + √164 = 26.95.
    ///
    /// On val, one example a class, logits ln p of the softmax rows
    ///
    ///     class 0: 0.6   0.3   0.05  0.05
    ///     class 1: 0.2   0.7   0.05  0.05
    ///     class 2: 0.02  0.08  0.8   0.1
    ///     class 3: 0.01  0.01  0.18  0.8
    ///
    /// so S = (C + Cᵀ)/2: S01 = 0.25, S02 = 0.035, S03 = 0.03, S12 = 0.065, S13 = 0.03, S23 = 0.14.
    /// Triplet sums: (0,1,2) 0.35 (the largest), (0,1,3) 0.31, (0,2,3) 0.205 (the smallest), (1,2,3) 0.235.
    /// Mixed: the pair (0, 1) at 0.25; S0c + S1c is 0.1 for c = 2 and 0.06 for c = 3, so c = 3.
    static let probabilities: [[Double]] = [
        [0.6, 0.3, 0.05, 0.05], [0.2, 0.7, 0.05, 0.05], [0.02, 0.08, 0.8, 0.1], [0.01, 0.01, 0.18, 0.8],
    ]

    static func run(bias: [Double] = [0, 0, 0, 0]) throws -> Run {
        try ComparisonTestSupport.run(
            source: "known.npz", weight: [[0, 0], [1, 0], [0, 1], [10, 9]], bias: bias, names: ["a", "b", "c", "d"],
            splits: [.init(name: "val", features: Array(repeating: [0, 0], count: 4), labels: [0, 1, 2, 3],
                           logits: probabilities.map { $0.map(log) })])
    }

    @Test("similar, mixed and different by confusion, in the order asked for, with their reasons")
    func confusionTriplets() throws {
        let rows = try ComparedTriplet.automatic([.different, .mixed, .similar], in: try Self.run(), includeBias: true)
        #expect(rows.map(\.kind) == [.different, .mixed, .similar])
        #expect(rows.map(\.triplet) == [Triplet(0, 2, 3), Triplet(0, 1, 3), Triplet(0, 1, 2)])
        #expect(rows[0].reason == "mean mutual confusion 0.0683 on val, the lowest of 4 triplets")  // 0.205 / 3
        #expect(rows[1].reason == "the most confused pair on val (mutual confusion 0.25) and the class least confused with both (0.03)")
        #expect(rows[2].reason == "mean mutual confusion 0.117 on val, the highest of 4 triplets")  // 0.35 / 3
    }

    @Test("closest and farthest by the templates, with their reasons")
    func templateTriplets() throws {
        let rows = try ComparedTriplet.automatic([.farthest, .closest], in: try Self.run(), includeBias: true)
        #expect(rows.map(\.triplet) == [Triplet(0, 2, 3), Triplet(0, 1, 2)])
        #expect(rows.map(\.kind) == [.farthest, .closest])
        // (1 + √181 + √164) / 3 = 9.087; (2 + √2) / 3 = 1.138
        #expect(rows[0].reason == "mean template distance 9.09, the largest of 4 triplets")
        #expect(rows[1].reason == "mean template distance 1.14, the smallest of 4 triplets")
    }

    @Test("the bias counts for the template criteria unless left out")
    func biasMode() throws {
        // A bias of 20 on class 1 moves its template far from the others, but only with the bias.
        // With the bias: t = (0,0,0), (1,0,20), (0,1,0), (10,9,0).
        // (0,2,3): 1 + √181 + √164 = 27.26; (0,1,2): √401 + 1 + √402 = 41.07; (0,1,3): √401 + √181 + √562 = 57.19;
        // (1,2,3): √402 + √562 + √164 = 56.56. Smallest (0,2,3), largest (0,1,3).
        let run = try Self.run(bias: [0, 20, 0, 0])
        let with = try ComparedTriplet.automatic([.closest, .farthest], in: run, includeBias: true)
        #expect(with.map(\.triplet) == [Triplet(0, 2, 3), Triplet(0, 1, 3)])
        let without = try ComparedTriplet.automatic([.closest, .farthest], in: run, includeBias: false)
        #expect(without.map(\.triplet) == [Triplet(0, 1, 2), Triplet(0, 2, 3)])
    }

    @Test("no criteria, no search")
    func none() throws {
        #expect(try ComparedTriplet.automatic([], in: try Self.run(), includeBias: true).isEmpty)
    }
}
