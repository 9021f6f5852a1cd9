import Foundation
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// Information erasure past its row budget: a seeded sample of the examples, and
/// an estimate on the sample that agrees with the one on all of them.
@Suite("Erasure sample")
struct ErasureSampleTests {
    /// N examples with means spread like a trained network's (μ ~ N(0, 2²)) and L
    /// passes with noise 0.8 around them: Î well below ln N, the paper's regime.
    static func differences(examples n: Int, passes l: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        func normal() -> Double {
            // Box–Muller from two uniforms in (0, 1]
            let u = Double(generator.next(below: 1 << 52) + 1) / Double(1 << 52)
            let v = Double(generator.next(below: 1 << 52)) / Double(1 << 52)
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        let values = (0..<n).flatMap { _ in
            let mean = 2 * normal()
            return (0..<l).map { _ in mean + 0.8 * normal() }
        }
        return Matrix(rows: n, columns: l, values: values)
    }

    @Test("a run of more examples than maxRows is estimated on a seeded sample of them, in array order")
    func sampledRun() throws {
        let n = 120, l = 3
        let f = Self.differences(examples: n, passes: l, seed: 4)
        let rows = (0..<n).map { f.row($0) }
        let run = try ErasureRunTests.run(differences: rows)
        let erasure = try RunErasure(label: "r", run: run, key: "train_logits_aug", classA: 0, classB: 2, maxRows: 50)
        let sample = try #require(erasure.sampledExamples)
        #expect(sample.count == 50 && Set(sample).count == 50 && sample == sample.sorted() && sample.allSatisfy { (0..<n).contains($0) })
        #expect(erasure.arrayExamples == n && erasure.estimate.exampleCount == 50)
        // The differences are the sampled examples' own rows (z_0 − z_2 of the stored logits 1 + f and 1).
        for (index, example) in sample.enumerated() {
            #expect(zip(erasure.differences.row(index), rows[example]).allSatisfy { abs($0 - $1) <= 1e-15 * max(1, abs($1)) })
        }
        #expect(abs(erasure.estimate.maximum - log(50)) < 1e-15)
        // The same seed draws the same sample; a budget of N or more uses every example.
        let again = try RunErasure(label: "r", run: run, key: "train_logits_aug", classA: 0, classB: 2, maxRows: 50)
        #expect(again.sampledExamples == sample && again.estimate == erasure.estimate)
        let all = try RunErasure(label: "r", run: run, key: "train_logits_aug", classA: 0, classB: 2, maxRows: n)
        #expect(all.sampledExamples == nil && all.estimate.exampleCount == n)
    }

    @Test("the estimate on a sample of 600 of 3000 examples brackets the full one in its bootstrap interval")
    func sampleAgreesWithTheFullEstimate() throws {
        let f = Self.differences(examples: 3000, passes: 3, seed: 5)
        let full = try InformationErasure(differences: f).information
        // 40 samples of 600 examples, each drawn with its own seed: the 2.5–97.5 % interval of their Î.
        let estimates = try (0..<40).map { seed -> Double in
            var generator = SeededGenerator(seed: UInt64(seed))
            let rows = generator.draw(600, from: Array(0..<3000)).sorted()
            return try InformationErasure(differences: Matrix(rows.map { f.row($0) })).information
        }.sorted()
        let interval = estimates[1]...estimates[38]
        #expect(interval.contains(full), "full Î \(full), sample interval \(interval)")
        // The interval is narrow next to Î itself: a sample of 600 says what all 3000 say.
        #expect(interval.upperBound - interval.lowerBound < 0.2 * full)
    }
}
