import PenvizTestSupport
import Testing
@testable import PenvizCore

/// ``DistanceCV/ExcessDistances``: the per-example terms of `distance_cv` summed in
/// one streaming pass from template logits, against the difference form in Float64, and the same bits at any
/// thread count.
struct ExcessDistancesTests {
    /// distance_cv by the definition: d_j = ‖x̃ − t_j‖² − ‖x̃ − t_y‖² from the differences,
    /// then mean over examples of std_j d_j over mean over examples of mean_j d_j.
    static func reference(_ features: Matrix, _ labels: [Int], weight: Matrix, bias: [Double], includeBias: Bool) -> Double {
        let t = (0..<weight.rows).map { includeBias ? weight.row($0) + [bias[$0]] : weight.row($0) }
        var stds = 0.0, means = 0.0
        for i in 0..<features.rows {
            let x = includeBias ? features.row(i) + [1] : features.row(i)
            let squared = t.map { tj in zip(x, tj).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
            let d = t.indices.filter { $0 != labels[i] }.map { squared[$0] - squared[labels[i]] }
            let mean = d.reduce(0, +) / Double(d.count)
            stds += (d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d.count)).squareRoot()
            means += mean
        }
        return stds / means
    }

    @Test func matchesTheReferenceWithAndWithoutTheBias() throws {
        // Made-up data: K = 4, D = 3, eight examples.
        let weight = Matrix([[1, 0, 0.5], [0, 2, -1], [-1, 0.25, 0], [0.5, -0.5, 1.5]])
        let bias = [0.5, -1, 2, 0]
        let features = Matrix([
            [1, 0, 0], [0.5, 1.5, -1], [-1, 0, 0.25], [0, 0, 1.5], [2, -1, 0], [0, 2, -0.5], [-0.5, 0.5, 0.5], [1, 1, 1],
        ])
        let labels = [0, 1, 2, 3, 0, 1, 2, 3]
        let split = Split(name: "val", features: try TestSupport.view(features), labels: labels, logits: nil)
        for includeBias in [true, false] {
            let templates = ClassTemplates(weight: weight, bias: bias, includeBias: includeBias)
            let distances = SplitPass.run(split, from: DistanceCV.ExcessDistances(templates: templates), logits: PlainTemplateLogits(templates: templates, bias: bias))
            #expect(distances.count == 8)
            let want = Self.reference(features, labels, weight: weight, bias: bias, includeBias: includeBias)
            #expect(TestData.close(try DistanceCV.measure(distances)!, want, relative: 1e-14))
        }
    }

    @Test func noRowsIsAnError() throws {
        let bias = [0.0, 0, 0]
        let templates = ClassTemplates(weight: Matrix([[0, 0], [1, 0], [0, 1]]), bias: bias)
        let split = Split(name: "val", features: try TestSupport.view([], shape: [0, 2]), labels: [], logits: nil)
        let distances = SplitPass.run(split, from: DistanceCV.ExcessDistances(templates: templates), logits: PlainTemplateLogits(templates: templates, bias: bias))
        #expect(throws: PenvizError.self) { try DistanceCV.measure(distances) }
    }

    @Test func sameBitsAtOneTwoAndThreeThreadsOverSeveralChunks() throws {
        // 1,000 float64 rows of D = 1,024: four chunks.
        var generator = SeededGenerator(seed: 7)
        let n = 1000, d = 1024, k = 5
        let features = TestData.randomMatrix(n, d, in: -1...1, &generator)
        let weight = TestData.randomMatrix(k, d, &generator)
        let bias = TestData.uniform(k, &generator)
        let labels = (0..<n).map { _ in generator.next(below: k) }
        let split = Split(name: "train", features: try TestSupport.view(features), labels: labels, logits: nil)
        let templates = ClassTemplates(weight: weight, bias: bias)
        let values = try [1, 2, 3].map { threads in
            try DistanceCV.measure(SplitPass.run(split, from: DistanceCV.ExcessDistances(templates: templates), logits: PlainTemplateLogits(templates: templates, bias: bias), threads: threads))!
        }
        #expect(values.allSatisfy { $0.bitPattern == values[0].bitPattern })
        let want = Self.reference(features, labels, weight: weight, bias: bias, includeBias: true)
        #expect(TestData.close(values[0], want, relative: 1e-12))
    }
}
