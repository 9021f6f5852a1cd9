import PenvizTestSupport
import Testing
@testable import PenvizCore

/// distance_cv against a hand case and a reference that uses another variance formula.
struct DistanceCVTests {
    /// `distance_cv` of `features` and `labels` from the excess distances of one ``SplitPass``.
    func measured(features: ArrayView, labels: [Int], templates: ClassTemplates) throws -> Double? {
        let split = Split(name: "train", features: features, labels: labels, logits: nil)
        return try DistanceCV.measure(SplitPass.run(
            split, from: DistanceCV.ExcessDistances(templates: templates),
            logits: PlainTemplateLogits(templates: templates, bias: Array(repeating: 0, count: templates.count))))
    }

    @Test func handComputedWithoutBias() throws {
        // Templates t0 = (0,0), t1 = (1,0), t2 = (0,2).
        // x = (0,0), y = 0: ‖x − t‖² = 0, 1, 4 → d = {1, 4}: mean 2.5, std 1.5
        // x = (1,1), y = 1: ‖x − t‖² = 2, 1, 2 → d = {1, 1}: mean 1,   std 0
        // distance_cv = ((1.5 + 0)/2) / ((2.5 + 1)/2) = 3/7
        let templates = ClassTemplates(weight: Matrix([[0, 0], [1, 0], [0, 2]]), bias: [9, 9, 9], includeBias: false)
        let features = try TestSupport.view(Matrix([[0, 0], [1, 1]]))
        let cv = try measured(features: features, labels: [0, 1], templates: templates)
        #expect(TestData.close(cv!, 3.0 / 7, relative: 1e-15))
    }

    @Test func handComputedWithBias() throws {
        // Augmented templates t0 = (0,0,1), t1 = (1,0,0), t2 = (0,1,3); x = (0,0) → x̃ = (0,0,1), y = 0:
        // ‖x̃ − t‖² = 0, 1 + 1 = 2, 1 + 4 = 5 → d = {2, 5}: mean 3.5, std 1.5 → distance_cv = 1.5/3.5
        let templates = ClassTemplates(weight: Matrix([[0, 0], [1, 0], [0, 1]]), bias: [1, 0, 3])
        let cv = try measured(features: try TestSupport.view(Matrix([[0, 0]])), labels: [0], templates: templates)
        #expect(TestData.close(cv!, 1.5 / 3.5, relative: 1e-15))
    }

    @Test func anExampleOnItsTemplateEquidistantFromTheOthersHasNoSpread() throws {
        // Equilateral templates (side 2) without bias; each example sits on its own template.
        let s = 3.0.squareRoot()
        let weight = Matrix([[0, 0], [2, 0], [1, s]])
        let templates = ClassTemplates(weight: weight, bias: [0, 0, 0], includeBias: false)
        let cv = try measured(features: try TestSupport.view(weight), labels: [0, 1, 2], templates: templates)
        #expect(abs(cv!) < 1e-15)
    }

    @Test func agreesWithAReferenceUsingMeanOfSquaresMinusSquaredMean() throws {
        var generator = SeededGenerator(seed: 8)
        let n = 300, d = 12, k = 5
        let weight = TestData.randomMatrix(k, d, &generator)
        let bias = TestData.uniform(k, &generator)
        let features = TestData.randomMatrix(n, d, in: -3...3, &generator)
        let labels = (0..<n).map { _ in generator.next(below: k) }
        var stdSum = 0.0, meanSum = 0.0
        for i in 0..<n {
            let x = features.row(i) + [1]
            let t = (0..<k).map { weight.row($0) + [bias[$0]] }
            let squared = t.map { tj in zip(x, tj).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
            let d = (0..<k).filter { $0 != labels[i] }.map { squared[$0] - squared[labels[i]] }
            let mean = d.reduce(0, +) / Double(d.count)
            let meanOfSquares = d.reduce(0) { $0 + $1 * $1 } / Double(d.count)
            stdSum += (meanOfSquares - mean * mean).squareRoot()
            meanSum += mean
        }
        let cv = try measured(
            features: try TestSupport.view(features), labels: labels,
            templates: ClassTemplates(weight: weight, bias: bias))
        #expect(TestData.close(cv!, stdSum / meanSum, relative: 1e-9))
    }
}
