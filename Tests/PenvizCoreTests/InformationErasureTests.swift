import Foundation
import PenvizTestSupport
import Testing
@testable import PenvizCore

/// Î on constructed cases and against a direct evaluation of the formula.
struct InformationErasureTests {
    /// N×L×K logits from a closure giving z[x][l][k], as a float64 view.
    private func augmented(_ n: Int, _ l: Int, _ k: Int, _ z: (Int, Int, Int) -> Double) throws -> ArrayView {
        var values: [Double] = []
        for x in 0..<n { for pass in 0..<l { for c in 0..<k { values.append(z(x, pass, c)) } } }
        return try TestSupport.view(values, shape: [n, l, k])
    }

    @Test func identicalExamplesCarryNoInformation() throws {
        // Every example has the same logits; they vary only over the passes, so σ² > 0 and all μ_x are equal.
        let logits = try augmented(50, 4, 3) { _, pass, c in Double(c) * 0.5 + (c == 0 ? sin(Double(pass)) : 0) }
        let erasure = try InformationErasure(augmentedLogits: logits, classA: 0, classB: 2)
        #expect(abs(erasure.information) < 1e-12)
        #expect(erasure.maximum == log(50.0))
        #expect(erasure.exampleCount == 50 && erasure.passCount == 4)
    }

    @Test func separatedExamplesCarryLogN() throws {
        // μ_x = 100·x with passes ±0.1 around it: σ = 0.1, neighbours 1000σ apart.
        let logits = try augmented(30, 2, 2) { x, pass, c in c == 0 ? 100 * Double(x) + (pass == 0 ? 0.1 : -0.1) : 0 }
        let erasure = try InformationErasure(augmentedLogits: logits, classA: 0, classB: 1)
        // each term is −½ − ln((1/N)·e^{−½}) = ln N (the other examples add e^{−~5·10⁵} ≈ 0)
        #expect(TestData.close(erasure.information, log(30.0), relative: 1e-14))
        #expect(TestData.close(erasure.variance, 0.01, relative: 1e-12))
    }

    @Test func smallCaseAgainstADirectEvaluation() throws {
        // N = 3, L = 2: the formula evaluated term by term with plain exp and log (no log-sum-exp).
        let z: [[[Double]]] = [
            [[1.0, 0.2, -0.3], [0.4, 0.9, 0.1]],
            [[-0.5, 0.3, 0.8], [0.2, -0.1, 0.0]],
            [[2.0, 1.1, 0.5], [1.5, 0.2, 0.7]],
        ]
        let logits = try augmented(3, 2, 3) { z[$0][$1][$2] }
        let a = 0, b = 2
        let f = z.map { example in example.map { $0[a] - $0[b] } }
        let mu = f.map { ($0[0] + $0[1]) / 2 }
        var variance = 0.0
        for x in 0..<3 { for pass in 0..<2 { variance += pow(f[x][pass] - mu[x], 2) } }
        variance /= 6
        var total = 0.0
        for x in 0..<3 {
            for pass in 0..<2 {
                let inner = (0..<3).map { exp(-pow(f[x][pass] - mu[$0], 2) / (2 * variance)) }.reduce(0, +) / 3
                total += -pow(f[x][pass] - mu[x], 2) / (2 * variance) - log(inner)
            }
        }
        let erasure = try InformationErasure(augmentedLogits: logits, classA: a, classB: b)
        #expect(TestData.close(erasure.variance, variance, relative: 1e-14))
        #expect(TestData.close(erasure.information, total / 6, relative: 1e-13))
        #expect(erasure.information >= 0 && erasure.information <= log(3.0))
    }

    @Test(arguments: [900, -900, 1_000])
    func differencesNearTheEndsOfFloat64GiveTheSameEstimate(exponent: Int) throws {
        // Î is a function of (f − μ)²/σ²: scaling every difference by 2^k leaves it unchanged, while
        // the squares of differences near 1e270 (or 1e−270) would overflow (underflow) Float64.
        var generator = SeededGenerator(seed: 21)
        let base = Matrix(rows: 40, columns: 3, values: TestData.uniform(120, in: -2...2, &generator))
        let scale = Double(sign: .plus, exponent: exponent, significand: 1)
        let plain = try InformationErasure(differences: base)
        let scaled = try InformationErasure(differences: Matrix(rows: 40, columns: 3, values: base.values.map { $0 * scale }))
        #expect(scaled.information == plain.information)
        #expect(plain.information > 0.1)  // an estimate, not the 0 of identical examples
        // σ² scales by 2^2k: past Float64's range it is infinite, and Î is still the same.
        #expect(scaled.variance == plain.variance * scale * scale)
    }

    @Test func differencesAreReadFromAnyDtype() throws {
        let values: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]  // N = 2, L = 2, K = 3
        let view = try TestSupport.view(values, shape: [2, 2, 3], dtype: .float32)
        let f = try InformationErasure.logitDifferences(augmentedLogits: view, classA: 2, classB: 0)
        #expect(f == Matrix([[2, 2], [2, 2]]))
    }

    @Test func oneAugmentedPassIsUndefined() throws {
        let logits = try augmented(5, 1, 3) { x, _, c in Double(x * c) }
        #expect {
            try InformationErasure(augmentedLogits: logits, classA: 0, classB: 1)
        } throws: { error in
            let message = (error as? PenvizError)?.message ?? ""
            return message.contains("undefined") && message.contains("L ≥ 2")
        }
    }

    @Test func badShapesAndClassesAreErrors() throws {
        let flat = try TestSupport.view([1, 2, 3, 4], shape: [2, 2])
        #expect(throws: PenvizError.self) { try InformationErasure(augmentedLogits: flat, classA: 0, classB: 1) }
        let logits = try augmented(3, 2, 3) { x, l, c in Double(x + l + c) }
        #expect { try InformationErasure(augmentedLogits: logits, classA: 1, classB: 1) } throws: { ($0 as? PenvizError)?.kind == .usage }
        #expect { try InformationErasure(augmentedLogits: logits, classA: 0, classB: 3) } throws: { ($0 as? PenvizError)?.kind == .usage }
    }
}
