import PenvizTestSupport
import Testing
@testable import PenvizCore

/// Whole-split within/between geometry, from one pass, against hand-computed values and a plain reference.
struct SplitGeometryTests {
    /// The geometry of `features` and `labels` from the class moments of one ``SplitPass``.
    func measured(features: ArrayView, labels: [Int], classCount: Int) throws -> SplitGeometry {
        let split = Split(name: "train", features: features, labels: labels, logits: nil)
        return try SplitGeometry(
            SplitPass.run(split, from: SplitGeometry.ClassMoments(classCount: classCount)),
            meanDistance: References.meanPairDistance)
    }

    @Test func handComputedWithinBetweenAndRatio() throws {
        // K = 4, class 3 absent.
        // class 0: (0,0), (2,0) → μ0 = (1,0), Σ‖x − μ0‖² = 1 + 1 = 2
        // class 1: (4,0), (4,2) → μ1 = (4,1), Σ = 1 + 1 = 2
        // class 2: (1,4)        → μ2 = (1,4), Σ = 0
        // within = √(4/5); between = (‖μ0−μ1‖ + ‖μ0−μ2‖ + ‖μ1−μ2‖)/3 = (√10 + 4 + √18)/3
        let rows: [[Double]] = [[0, 0], [4, 0], [2, 0], [1, 4], [4, 2]]
        let labels = [0, 1, 0, 2, 1]
        let geometry = try measured(
            features: TestSupport.view(Matrix(rows)), labels: labels, classCount: 4)
        let within = (4.0 / 5).squareRoot()
        let between = (10.0.squareRoot() + 4 + 18.0.squareRoot()) / 3
        #expect(TestData.close(geometry.within, within, relative: 1e-15))
        #expect(TestData.close(geometry.between!, between, relative: 1e-15))
        #expect(TestData.close(geometry.clusterRatio!, within / between, relative: 1e-15))
    }

    @Test func oneClassHasNoBetweenAndNoRatio() throws {
        let geometry = try measured(
            features: TestSupport.view(Matrix([[1, 1], [3, 1]])), labels: [2, 2], classCount: 3)
        #expect(geometry.within == 1)
        #expect(geometry.between == nil)
        #expect(geometry.clusterRatio == nil)
    }

    @Test func noExamplesIsAnError() throws {
        let empty = try TestSupport.view([], shape: [0, 3])
        #expect(throws: PenvizError.self) { try measured(features: empty, labels: [], classCount: 3) }
    }

    @Test func agreesWithAPlainReferenceOnRandomFloat32Data() throws {
        var generator = SeededGenerator(seed: 21)
        let n = 1500, d = 37, k = 6
        let features = TestData.randomMatrix(n, d, in: -4...9, &generator)
        let labels = (0..<n).map { _ in generator.next(below: k - 1) }  // class 5 stays empty
        let view = try TestSupport.view(features, dtype: .float32)
        let stored = (0..<n).map { row in (0..<d).map { view.double(row: row, column: $0) } }

        // Reference: dictionary of class sums, straightforward loops.
        var sums: [Int: [Double]] = [:], counts: [Int: Int] = [:]
        for (x, y) in zip(stored, labels) {
            sums[y] = zip(sums[y] ?? Array(repeating: 0, count: d), x).map { $0 + $1 }
            counts[y, default: 0] += 1
        }
        var means: [Int: [Double]] = [:]
        for (y, sum) in sums { means[y] = sum.map { $0 / Double(counts[y]!) } }
        var squared = 0.0
        for (x, y) in zip(stored, labels) {
            squared += zip(x, means[y]!).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        }
        let within = (squared / Double(n)).squareRoot()
        let present = means.keys.sorted()
        var total = 0.0, pairs = 0.0
        for (i, a) in present.enumerated() {
            for b in present[(i + 1)...] {
                total += zip(means[a]!, means[b]!).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
                pairs += 1
            }
        }
        let geometry = try measured(features: view, labels: labels, classCount: k)
        #expect(TestData.close(geometry.within, within, relative: 1e-12))
        #expect(TestData.close(geometry.between!, total / pairs, relative: 1e-12))
        #expect(TestData.close(geometry.clusterRatio!, within / (total / pairs), relative: 1e-12))
    }
}
