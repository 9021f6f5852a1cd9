import Foundation
import PenvizTestSupport
import Testing
@testable import PenvizCore

/// T* against closed-form optima, a brute-force scan, and its boundary rules.
struct TemperatureScalingTests {
    /// p examples with logits (a, 0, …, 0) (K classes) labelled 0, and q labelled 1.
    ///
    /// Derivation: with u = e^{βa}, softmax puts u/(u + K − 1) on class 0 and
    /// 1/(u + K − 1) on each other class, so E_p[z] = a·u/(u + K − 1).
    /// nll′(β) = mean(E_p[z] − z_y) ∝ p·(a·u/(u+K−1) − a) + q·(a·u/(u+K−1) − 0)
    ///         = a·[(p + q)·u/(u + K − 1) − p].
    /// Setting it to 0: (p + q)·u = p·(u + K − 1) ⇒ q·u = p(K − 1) ⇒ u = p(K − 1)/q,
    /// so β* = ln(p(K − 1)/q)/a and T* = a / ln(p(K − 1)/q). (At the optimum the
    /// confidence u/(u + K − 1) = p/(p + q), the accuracy, as it should be.)
    private func closedFormCase(a: Double, classes k: Int, correct p: Int, wrong q: Int) -> (LogitSource, [Int]) {
        let row = [a] + [Double](repeating: 0, count: k - 1)
        let rows = [[Double]](repeating: row, count: p + q)
        return (LogitSource(Matrix(rows)), [Int](repeating: 0, count: p) + [Int](repeating: 1, count: q))
    }

    @Test func binaryClosedForm() throws {
        // K = 2, two right and one wrong at margin 1: T* = 1/ln 2
        let (logits, labels) = closedFormCase(a: 1, classes: 2, correct: 2, wrong: 1)
        let fit = try TemperatureScaling(logits: logits, labels: labels)
        #expect(fit.outcome == .interior)
        #expect(TestData.close(fit.temperature, 1 / log(2.0), relative: 1e-14))
    }

    @Test func multiClassClosedForm() throws {
        // K = 4, p = 3, q = 1, a = 2: T* = 2 / ln 9;  K = 10, p = 1, q = 4, a = 5: T* = 5 / ln(9/4)
        let (logits, labels) = closedFormCase(a: 2, classes: 4, correct: 3, wrong: 1)
        #expect(TestData.close(try TemperatureScaling(logits: logits, labels: labels).temperature, 2 / log(9.0), relative: 1e-14))
        let (more, moreLabels) = closedFormCase(a: 5, classes: 10, correct: 1, wrong: 4)
        #expect(TestData.close(try TemperatureScaling(logits: more, labels: moreLabels).temperature, 5 / log(9.0 / 4), relative: 1e-14))
    }

    /// nll(T) = mean(ln Σ_k e^{z_k/T} − z_y/T), written out plainly with a max shift.
    private func nll(_ logits: Matrix, _ labels: [Int], _ temperature: Double) -> Double {
        var total = 0.0
        for i in 0..<logits.rows {
            let z = logits.row(i).map { $0 / temperature }
            let top = z.max()!
            total += top + log(z.reduce(0) { $0 + exp($1 - top) }) - z[labels[i]]
        }
        return total / Double(logits.rows)
    }

    @Test func agreesWithABruteForceScan() throws {
        var generator = SeededGenerator(seed: 31)
        let n = 200, k = 5
        // over-confident logits: large scale, labels agreeing with the argmax 70 % of the time
        let logits = TestData.randomMatrix(n, k, in: -6...6, &generator)
        let labels = (0..<n).map { i in
            generator.nextUnitInterval() < 0.7 ? Softmax.predictedClass(logits.row(i)) : generator.next(below: k)
        }
        let fit = try TemperatureScaling(logits: LogitSource(logits), labels: labels)
        // scan [0.05, 20] by 0.05, then by 1e-3 and 1e-5 around the best point (nll(T) is unimodal)
        func argmin(_ grid: [Double]) -> Double {
            let values = grid.map { nll(logits, labels, $0) }
            return grid[values.indices.min { values[$0] < values[$1] }!]
        }
        let coarse = argmin(Array(stride(from: 0.05, through: 20, by: 0.05)))
        let middle = argmin(Array(stride(from: coarse - 0.05, through: coarse + 0.05, by: 1e-3)))
        let fine = argmin(Array(stride(from: middle - 1e-3, through: middle + 1e-3, by: 1e-5)))
        #expect(fit.outcome == .interior)
        #expect(abs(fit.temperature - fine) <= 1e-5)
        #expect(nll(logits, labels, fit.temperature) <= nll(logits, labels, fine) + 1e-15)
        // scaling never makes the fitting split's NLL worse
        let before = try CalibrationMetrics(logits: LogitSource(logits), labels: labels)
        let after = try CalibrationMetrics(logits: LogitSource(logits), labels: labels, temperature: fit.temperature)
        #expect(after.nll <= before.nll)
        #expect(after.accuracy == before.accuracy)
    }

    /// nll′(β) = mean over examples of Σ_k p_k(β)·(z_k − z_y), with the textbook softmax of β·z.
    private func slope(_ logits: Matrix, _ labels: [Int], beta: Double) -> Double {
        var total = 0.0
        for i in 0..<logits.rows {
            let z = logits.row(i)
            let e = z.map { exp(beta * ($0 - z.max()!)) }
            let sum = e.reduce(0, +)
            total += z.indices.reduce(0.0) { $0 + e[$1] / sum * (z[$1] - z[labels[i]]) }
        }
        return total / Double(logits.rows)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func theSlopeVanishesAtTheFittedTemperature(seed: UInt64) throws {
        // Whatever side Newton approaches the root from, it must stop on it, not bisect away from it.
        var generator = SeededGenerator(seed: seed)
        let logits = TestData.randomMatrix(150, 4, in: -5...5, &generator)
        let labels = (0..<150).map { i in
            generator.nextUnitInterval() < 0.6 ? Softmax.predictedClass(logits.row(i)) : generator.next(below: 4)
        }
        let fit = try TemperatureScaling(logits: LogitSource(logits), labels: labels)
        #expect(fit.outcome == .interior)
        // nll″ is of order 1 here, so a slope of 1e-13 means T* is within about 1e-13 of the root.
        #expect(abs(slope(logits, labels, beta: 1 / fit.temperature)) < 1e-13)
    }

    @Test func computedLogitsFitTheSameTemperature() throws {
        var generator = SeededGenerator(seed: 6)
        let logits = TestData.randomMatrix(200, 3, in: -6...6, &generator)
        let labels = (0..<200).map { _ in generator.next(below: 3) }
        let computed = TestSupport.computed(logits)
        let a = try TemperatureScaling(logits: computed, labels: labels)
        let b = try TemperatureScaling(logits: computed.materialized(), labels: labels)
        #expect(a == b)
    }

    @Test func equalLogitsGiveAFlatNLLAndTemperatureOne() throws {
        let logits = Matrix([[2, 2, 2], [-1, -1, -1], [0, 0, 0]])
        let fit = try TemperatureScaling(logits: LogitSource(logits), labels: [0, 2, 1])
        #expect(fit.temperature == 1)
        #expect(fit.outcome == .flat)
    }

    @Test func optimaBeyondTheRangeAreReportedOnItsBounds() throws {
        // All right: nll keeps falling as T → 0, so T* = 0.05.
        let right = try TemperatureScaling(logits: LogitSource(Matrix([[3, 0, 1], [0, 2, 1]])), labels: [0, 1])
        #expect(right.temperature == 0.05)
        #expect(right.outcome == .lowestTemperature)
        // All wrong: nll keeps falling as T → ∞, so T* = 20.
        let wrong = try TemperatureScaling(logits: LogitSource(Matrix([[3, 0, 1], [0, 2, 1]])), labels: [1, 0])
        #expect(wrong.temperature == 20)
        #expect(wrong.outcome == .highestTemperature)
    }

    @Test func noExamplesIsAnError() {
        #expect(throws: PenvizError.self) {
            try TemperatureScaling(logits: LogitSource(Matrix(rows: 0, columns: 3, values: [])), labels: [])
        }
    }
}
