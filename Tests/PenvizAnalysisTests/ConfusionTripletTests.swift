import Foundation
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// ``ConfusionTriplets`` against a plain triple loop over a confusion matrix computed
/// here from `exp` directly, on random logits, and on the cases that need care.
@Suite("Confusion triplets")
struct ConfusionTripletTests {
    /// A run of K classes whose val split holds `logits` with `labels`.
    static func run(logits: [[Double]], labels: [Int], classes k: Int) throws -> Run {
        try ComparisonTestSupport.run(
            weight: (0..<k).map { [Double($0), Double($0 * $0 % 7)] }, bias: Array(repeating: 0, count: k),
            names: (0..<k).map { "c\($0)" },
            splits: [.init(name: "val", features: Array(repeating: [0, 0], count: labels.count), labels: labels, logits: logits)])
    }

    /// S = (C + Cᵀ)/2 with C_kl the mean over class k of exp(z_l) / Σ exp(z_j).
    static func mutual(logits: [[Double]], labels: [Int], classes k: Int) -> [[Double]] {
        var c = Array(repeating: Array(repeating: 0.0, count: k), count: k)
        var n = Array(repeating: 0, count: k)
        for (z, y) in zip(logits, labels) {
            let total = z.map(exp).reduce(0, +)
            for l in 0..<k { c[y][l] += exp(z[l]) / total }
            n[y] += 1
        }
        for a in 0..<k where n[a] > 0 { c[a] = c[a].map { $0 / Double(n[a]) } }
        return (0..<k).map { a in (0..<k).map { b in (c[a][b] + c[b][a]) / 2 } }
    }

    @Test("agrees with a plain triple loop on random logits", arguments: [5, 9, 16])
    func bruteForce(classes k: Int) throws {
        var generator = SeededGenerator(seed: UInt64(k))
        let labels = (0..<(6 * k)).map { $0 % k }
        let logits = labels.map { y in (0..<k).map { l in 3 * TestData.uniform(1, &generator)[0] + (l == y ? 2 : 0) } }
        let s = Self.mutual(logits: logits, labels: labels, classes: k)
        var best = (-Double.infinity, Triplet(0, 0, 0)), worst = (Double.infinity, Triplet(0, 0, 0))
        for a in 0..<k {
            for b in (a + 1)..<k {
                for c in (b + 1)..<k {
                    let sum = s[a][b] + s[a][c] + s[b][c]
                    if sum > best.0 + 1e-12 { best = (sum, Triplet(a, b, c)) }
                    if sum < worst.0 - 1e-12 { worst = (sum, Triplet(a, b, c)) }
                }
            }
        }
        var pair = (0, 1)
        for a in 0..<k { for b in (a + 1)..<k where s[a][b] > s[pair.0][pair.1] + 1e-12 { pair = (a, b) } }
        let third = (0..<k).filter { $0 != pair.0 && $0 != pair.1 }.min { s[pair.0][$0] + s[pair.1][$0] < s[pair.0][$1] + s[pair.1][$1] }!

        let found = try ConfusionTriplets(run: Self.run(logits: logits, labels: labels, classes: k))
        #expect(found.similar.triplet == best.1 && found.different.triplet == worst.1)
        #expect(abs(found.similar.score - best.0 / 3) < 1e-12 && abs(found.different.score - worst.0 / 3) < 1e-12)
        #expect(found.mixed.triplet == Triplet(pair.0, pair.1, third))
        #expect(found.similar.isExact && found.different.isExact && found.split == "val" && found.tripletCount == k * (k - 1) * (k - 2) / 6)
    }

    @Test("equal logits tie everything: the lowest ids win")
    func ties() throws {
        let found = try ConfusionTriplets(run: Self.run(logits: Array(repeating: [0, 0, 0, 0, 0], count: 5), labels: [0, 1, 2, 3, 4], classes: 5))
        #expect(found.similar.triplet == Triplet(0, 1, 2) && found.different.triplet == Triplet(0, 1, 2))
        #expect(found.mixed.triplet == Triplet(0, 1, 2))
    }

    @Test("classes without examples on the ranking split take no part; fewer than three is an error")
    func absentClasses() throws {
        // Five classes, examples of 0, 2 and 4 only: the one triplet of them.
        let logits: [[Double]] = [[1, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 1]]
        let found = try ConfusionTriplets(run: Self.run(logits: logits, labels: [0, 2, 4], classes: 5))
        #expect(found.similar.triplet == Triplet(0, 2, 4) && found.classCount == 3 && found.tripletCount == 1)
        let two = try Self.run(logits: Array(logits.prefix(2)), labels: [0, 2], classes: 5)
        #expect(throws: PenvizError.self) { try ConfusionTriplets(run: two) }
    }

    @Test("the confusion matrix: C by hand, S symmetric")
    func matrix() throws {
        // Class 0: z = (0, ln 3) gives (1/4, 3/4) and z = (ln 3, 0) gives (3/4, 1/4): C_0 = (1/2, 1/2).
        // Class 1: z = (0, 0) gives (1/2, 1/2). S_01 = (1/2 + 1/2)/2 = 1/2.
        let confusion = ClassConfusion(
            logits: LogitSource(Matrix([[0, log(3)], [log(3), 0], [0, 0]])), labels: [0, 0, 1])
        #expect(confusion.counts == [2, 1])
        #expect(abs(confusion.mutual(0, 1) - 0.5) < 1e-15 && confusion.mutual(0, 1) == confusion.mutual(1, 0))
        #expect(abs(confusion.mutual(0, 0) - 0.5) < 1e-15)
    }
}
