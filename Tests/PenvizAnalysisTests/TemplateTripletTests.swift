import PenvizTestSupport
import Testing
@testable import PenvizAnalysis
import PenvizCore

/// The exact closest/farthest triplet search against known layouts and a plain triple loop.
struct TemplateTripletTests {
    @Test func templatesOnALine() throws {
        // Without bias, templates at 0, 1, 3, 10, 11, 12 on a line. A triplet's distance sum is
        // 2·(max − min): the closest span is 10, 11, 12 (span 2), the farthest 0 … 12 with any
        // middle one; ties go to the lowest ids: (0, 1, 5). Separations: 4/3 and 24/3.
        let weight = Matrix([[0], [1], [3], [10], [11], [12]])
        let triplets = try TemplateTriplets(templates: ClassTemplates(weight: weight, bias: Array(repeating: 0, count: 6), includeBias: false))
        #expect(triplets.closest.triplet == Triplet(3, 4, 5))
        #expect(triplets.closest.separation == 4.0 / 3)
        #expect(triplets.farthest.triplet == Triplet(0, 1, 5))
        #expect(triplets.farthest.separation == 8)
    }

    @Test func tiesGoToTheLowestIds() throws {
        // Four corners of a square and its centre twice over: every triplet of corners ties with its
        // mirror images; (0, 1, 2) is lexicographically first among the largest.
        // The closest: the two centres (4, 5, coincident) with any corner: (0, 4, 5) first.
        let weight = Matrix([[0, 0], [2, 0], [2, 2], [0, 2], [1, 1], [1, 1]])
        let triplets = try TemplateTriplets(templates: ClassTemplates(weight: weight, bias: Array(repeating: 0, count: 6), includeBias: false))
        #expect(triplets.farthest.triplet == Triplet(0, 1, 2))
        #expect(triplets.closest.triplet == Triplet(0, 4, 5))
    }

    @Test func theBiasCountsWhenIncluded() throws {
        // Same weights, biases that push template 2 far away in the augmented coordinate.
        let weight = Matrix([[0], [1], [2], [3]])
        let bias = [0.0, 0, 100, 0]
        let with = try TemplateTriplets(templates: ClassTemplates(weight: weight, bias: bias))
        let without = try TemplateTriplets(templates: ClassTemplates(weight: weight, bias: bias, includeBias: false))
        #expect(with.closest.triplet == Triplet(0, 1, 3))
        #expect(without.closest.triplet == Triplet(0, 1, 2))
    }

    @Test func agreesWithAPlainTripleLoop() throws {
        var generator = SeededGenerator(seed: 20)
        for trial in 0..<5 {
            let k = 20 + trial, d = 7
            let weight = TestData.randomMatrix(k, d, &generator)
            let bias = TestData.uniform(k, &generator)
            let t = (0..<k).map { weight.row($0) + [bias[$0]] }
            func distance(_ i: Int, _ j: Int) -> Double {
                zip(t[i], t[j]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            }
            var best = (Double.infinity, Triplet(0, 0, 0)), worst = (-Double.infinity, Triplet(0, 0, 0))
            for a in 0..<k {
                for b in (a + 1)..<k {
                    for c in (b + 1)..<k {
                        let mean = (distance(a, b) + distance(a, c) + distance(b, c)) / 3
                        if mean < best.0 { best = (mean, Triplet(a, b, c)) }
                        if mean > worst.0 { worst = (mean, Triplet(a, b, c)) }
                    }
                }
            }
            let triplets = try TemplateTriplets(templates: ClassTemplates(weight: weight, bias: bias))
            #expect(triplets.closest.triplet == best.1)
            #expect(triplets.farthest.triplet == worst.1)
            #expect(TestData.close(triplets.closest.separation, best.0, relative: 1e-14))
            #expect(TestData.close(triplets.farthest.separation, worst.0, relative: 1e-14))
        }
    }

    @Test func agreesWithAPlainTripleLoopPastTheListLength() throws {
        // K = 150: each row's screening list holds 32 of 149 neighbours.
        var generator = SeededGenerator(seed: 21)
        let k = 150, d = 6
        let weight = TestData.randomMatrix(k, d, &generator)
        let templates = ClassTemplates(weight: weight, bias: Array(repeating: 0, count: k), includeBias: false)
        var best = (Double.infinity, Triplet(0, 0, 0)), worst = (-Double.infinity, Triplet(0, 0, 0))
        let distances = (0..<(k * k)).map { i in
            zip(weight.row(i / k), weight.row(i % k)).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        }
        for a in 0..<k {
            for b in (a + 1)..<k {
                for c in (b + 1)..<k {
                    let sum = distances[a * k + b] + distances[a * k + c] + distances[b * k + c]
                    if sum < best.0 { best = (sum, Triplet(a, b, c)) }
                    if sum > worst.0 { worst = (sum, Triplet(a, b, c)) }
                }
            }
        }
        let triplets = try TemplateTriplets(templates: templates)
        #expect(triplets.closest.triplet == best.1 && triplets.closest.isExact)
        #expect(triplets.farthest.triplet == worst.1 && triplets.farthest.isExact)
        #expect(TestData.close(triplets.closest.separation, best.0 / 3, relative: 1e-14))
        #expect(TestData.close(triplets.farthest.separation, worst.0 / 3, relative: 1e-14))
    }

    @Test func hugeAndTinyWeightsRankLikeAnyOthers() throws {
        // Squares of 1e300 overflow and of 1e-300 underflow: the search scales by a power of
        // two first, so the triplets are those of the same weights at ordinary size.
        var generator = SeededGenerator(seed: 22)
        let weight = TestData.randomMatrix(40, 5, &generator)
        let bias = TestData.uniform(40, &generator)
        let ordinary = try TemplateTriplets(templates: ClassTemplates(weight: weight, bias: bias))
        for factor in [1e300, 1e-300] {
            let scaled = Matrix(rows: 40, columns: 5, values: weight.values.map { $0 * factor })
            let triplets = try TemplateTriplets(templates: ClassTemplates(weight: scaled, bias: bias.map { $0 * factor }))
            #expect(triplets.closest.triplet == ordinary.closest.triplet, "\(factor)")
            #expect(triplets.farthest.triplet == ordinary.farthest.triplet, "\(factor)")
            #expect(TestData.close(triplets.closest.separation, ordinary.closest.separation * factor, relative: 1e-13, absolute: 0))
            #expect(TestData.close(triplets.farthest.separation, ordinary.farthest.separation * factor, relative: 1e-13, absolute: 0))
        }
    }

    @Test func fewerThanThreeClassesIsAnError() {
        #expect(throws: PenvizError.self) {
            try TemplateTriplets(templates: ClassTemplates(weight: Matrix([[0], [1]]), bias: [0, 0]))
        }
    }
}
