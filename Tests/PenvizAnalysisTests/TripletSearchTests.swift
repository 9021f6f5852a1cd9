import PenvizCore
import PenvizTestSupport
import Testing
@testable import PenvizAnalysis

/// The bounded triplet search against a plain loop over every triplet, on score
/// matrices made to stress its bounds: random, tied, noisy screening, all equal.
struct TripletSearchTests {
    /// Scores kept in a full K×K matrix; screening rows add a fixed noise within ±`noise`.
    struct MatrixScores: PairScores {
        let classCount: Int
        let values: [Double]
        let noise: [Double]
        let screeningError: Double

        init(_ k: Int, noise: Double = 0, seed: UInt64 = 1, score: (Int, Int) -> Double) {
            classCount = k
            var values = [Double](repeating: 0, count: k * k)
            for a in 0..<k { for b in (a + 1)..<k { values[a * k + b] = score(a, b); values[b * k + a] = values[a * k + b] } }
            self.values = values
            var generator = SeededGenerator(seed: seed)
            self.noise = (0..<(k * k)).map { _ in noise == 0 ? 0 : Double.random(in: -noise...noise, using: &generator) }
            screeningError = noise
        }

        func rows(_ classes: [Int], into out: UnsafeMutablePointer<Double>) {
            for (row, a) in classes.enumerated() {
                for l in 0..<classCount { out[row * classCount + l] = values[a * classCount + l] + noise[a * classCount + l] }
            }
        }

        func score(_ a: Int, _ b: Int) -> Double { values[a * classCount + b] }
    }

    /// The plain loop: every a < b < c, the sum `(s_ab + s_ac) + s_bc`, ties to the first triplet.
    static func plainLoop(_ scores: MatrixScores, largest: Bool) -> (Triplet, Double) {
        let k = scores.classCount
        var best = (Triplet(0, 1, 2), largest ? -Double.infinity : .infinity)
        for a in 0..<k {
            for b in (a + 1)..<k {
                for c in (b + 1)..<k {
                    let sum = (scores.score(a, b) + scores.score(a, c)) + scores.score(b, c)
                    if largest ? sum > best.1 : sum < best.1 { best = (Triplet(a, b, c), sum) }
                }
            }
        }
        return best
    }

    static func expectAgreement(_ scores: MatrixScores, _ comment: Comment) {
        let results = TripletSearch.best([.smallest, .largest], of: scores)
        for (found, largest) in zip(results, [false, true]) {
            let expected = plainLoop(scores, largest: largest)
            #expect(found.isExact, comment)
            #expect(found.triplet == expected.0, comment)
            #expect(found.sum == expected.1, comment)
        }
    }

    @Test func randomScoresPastTheListLength() {
        // K well past the 32 entries a row keeps, so rows are computed again within their radii.
        var generator = SeededGenerator(seed: 7)
        for k in [3, 4, 33, 34, 90, 300] {
            let table = (0..<(k * k)).map { _ in Double.random(in: 0...1, using: &generator) }
            Self.expectAgreement(MatrixScores(k) { table[$0 * k + $1] }, "K = \(k)")
        }
    }

    @Test func concentratedScoresLikeATrainedClassifier() {
        // Distances all near 1 (±5 %), as between the templates of a trained network.
        var generator = SeededGenerator(seed: 8)
        let k = 400
        let table = (0..<(k * k)).map { _ in 1 + 0.05 * Double.random(in: -1...1, using: &generator) }
        Self.expectAgreement(MatrixScores(k) { table[$0 * k + $1] }, "concentrated")
    }

    @Test func hubsThatCrowdTheListsSendRowsBackForTheirRadius() {
        // 40 hubs near everyone (0.1) but far from each other (10): every other class's 32 listed
        // neighbours are hubs, so the pairs of the best triplets (a hub and two others at ~0.5)
        // are found only when the rows are computed again out to their radius.
        var generator = SeededGenerator(seed: 11)
        let k = 200, hubs = 40
        let table = (0..<(k * k)).map { _ in Double.random(in: 0...0.01, using: &generator) }
        let scores = MatrixScores(k) { a, b in
            switch (a < hubs, b < hubs) {
            case (true, true): 10 + table[a * k + b]
            case (false, false): 0.5 + 10 * table[a * k + b]
            default: 0.1 + table[a * k + b]
            }
        }
        Self.expectAgreement(scores, "hubs")
    }

    @Test func integerScoresTieToTheLowestIds() {
        // Four values only: thousands of triplets tie, the first in (a, b, c) order wins.
        for (k, seed) in [(40, 3), (120, 4)] {
            var generator = SeededGenerator(seed: UInt64(seed))
            let table = (0..<(k * k)).map { _ in Double(Int.random(in: 0..<4, using: &generator)) }
            Self.expectAgreement(MatrixScores(k) { table[$0 * k + $1] }, "K = \(k)")
        }
    }

    @Test func noisyScreeningStillFindsTheExactTriplet() {
        // Screening rows off by up to 1e-3 against gaps of the same size: the exact scores decide.
        var generator = SeededGenerator(seed: 9)
        let k = 150
        let table = (0..<(k * k)).map { _ in Double(Int.random(in: 0..<1000, using: &generator)) / 1000 }
        Self.expectAgreement(MatrixScores(k, noise: 1e-3, seed: 10) { table[$0 * k + $1] }, "noisy")
    }

    @Test func equalScoresTieToTheFirstTriplet() {
        // Every triplet ties: (0, 1, 2) wins, with exact screening even past the candidate limit.
        var limits = TripletSearch.Limits()
        limits.candidateLimit = 4
        for k in [3, 40, 120] {
            let results = TripletSearch.best([.smallest, .largest], of: MatrixScores(k) { _, _ in 1 }, limits: limits)
            #expect(results == Array(repeating: TripletSearch.Result(triplet: Triplet(0, 1, 2), sum: 3, isExact: true), count: 2), "K = \(k)")
        }
    }

    /// A search past one of its bounds still names a triplet of three distinct classes
    /// in increasing order whose sum is the ranked one, and says it is not proven.
    static func expectBestFound(_ result: TripletSearch.Result, _ scores: MatrixScores, _ comment: Comment) {
        let t = result.triplet
        #expect(!result.isExact, comment)
        #expect(t.isValid(classCount: scores.classCount) && t.a < t.b && t.b < t.c, comment)
        #expect(result.sum == (scores.score(t.a, t.b) + scores.score(t.a, t.c)) + scores.score(t.b, t.c), comment)
    }

    @Test func eachBoundOfTheSearchIsReportedWhenReached() {
        var generator = SeededGenerator(seed: 12)
        let k = 60
        let table = (0..<(k * k)).map { _ in Double(Int.random(in: 0..<3, using: &generator)) }
        let tied = MatrixScores(k) { table[$0 * k + $1] }
        // Rows of more tied pairs within their bound than the row limit and the pair budget allow.
        var rows = TripletSearch.Limits()
        (rows.listLength, rows.rowLimit, rows.pairBudget) = (4, 6, 12)
        Self.expectBestFound(TripletSearch.best([.largest], of: tied, limits: rows)[0], tied, "row limit")
        // More rows to compute again than the share allowed: the screening lists are all there is.
        var share = TripletSearch.Limits()
        (share.listLength, share.refreshRows, share.refreshShare) = (4, 0, 0)
        Self.expectBestFound(TripletSearch.best([.largest], of: tied, limits: share)[0], tied, "refresh share")
        // An enumeration cut short.
        var steps = TripletSearch.Limits()
        steps.stepBudget = 10
        Self.expectBestFound(TripletSearch.best([.smallest], of: tied, limits: steps)[0], tied, "step budget")
        // Near ties past the candidate limit when screening is inexact.
        let noisy = MatrixScores(k, noise: 1e-9, seed: 13) { table[$0 * k + $1] }
        var candidates = TripletSearch.Limits()
        candidates.candidateLimit = 2
        Self.expectBestFound(TripletSearch.best([.smallest], of: noisy, limits: candidates)[0], noisy, "candidate limit")
    }
}
