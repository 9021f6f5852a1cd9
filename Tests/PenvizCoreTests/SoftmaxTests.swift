import Foundation
import PenvizTestSupport
import Testing
@testable import PenvizCore

/// The stable softmax and the lowest-id argmax.
struct SoftmaxTests {
    @Test func probabilitiesMatchTheTextbookFormulaOnModerateLogits() {
        let z = [1.0, 2, 3]
        let total = exp(1.0) + exp(2.0) + exp(3.0)
        let p = Softmax.probabilities(z)
        for (pk, zk) in zip(p, z) { #expect(TestData.close(pk, exp(zk) / total, relative: 1e-15)) }
        // at T = 2 the logits are halved
        let half = exp(0.5) + exp(1.0) + exp(1.5)
        for (pk, zk) in zip(Softmax.probabilities(z, temperature: 2), z) {
            #expect(TestData.close(pk, exp(zk / 2) / half, relative: 1e-15))
        }
    }

    @Test func hugeLogitsDoNotOverflow() {
        let p = Softmax.probabilities([1000, 0, 1000])
        #expect(p == [0.5, 0, 0.5])
    }

    @Test func tiesGoToTheLowestId() {
        #expect(Softmax.predictedClass([1, 3, 3, 2]) == 1)
        #expect(Softmax.predictedClass([7, 7]) == 0)
        #expect(Softmax.predictedClass([-1, -2, -0.5]) == 2)
    }
}
