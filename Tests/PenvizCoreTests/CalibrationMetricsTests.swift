import Foundation
import PenvizTestSupport
import Testing
@testable import PenvizCore

/// Per-example predictions and the split's accuracy, NLL and Brier against textbook formulas.
struct CalibrationMetricsTests {
    /// softmax by the textbook formula p_k = e^{z_k} / Σ e^{z_j} (fine for moderate logits).
    private func textbookSoftmax(_ z: [Double]) -> [Double] {
        let e = z.map { exp($0) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    @Test func predictionsMatchTheTextbookFormulasOnModerateLogits() throws {
        var generator = SeededGenerator(seed: 17)
        let n = 400, k = 6
        let logits = TestData.randomMatrix(n, k, in: -4...4, &generator)
        let labels = (0..<n).map { _ in generator.next(below: k) }
        for temperature in [1.0, 0.5, 3] {
            let predictions = try TopLabelPredictions(logits: LogitSource(logits), labels: labels, temperature: temperature)
            var nll = 0.0, brier = 0.0, correct = 0.0
            for i in 0..<n {
                let p = textbookSoftmax(logits.row(i).map { $0 / temperature })
                let top = p.indices.max { p[$0] < p[$1] }!
                #expect(predictions.predicted[i] == top)
                #expect(TestData.close(predictions.confidences[i], p[top], relative: 1e-14))
                #expect(TestData.close(predictions.negativeLogLikelihoods[i], -log(p[labels[i]]), relative: 1e-13))
                let score = p.indices.reduce(0.0) { $0 + (p[$1] - ($1 == labels[i] ? 1 : 0)) * (p[$1] - ($1 == labels[i] ? 1 : 0)) }
                #expect(TestData.close(predictions.brierScores[i], score, relative: 1e-13))
                nll += -log(p[labels[i]])
                brier += score
                correct += top == labels[i] ? 1 : 0
            }
            let metrics = CalibrationMetrics(predictions: predictions)
            #expect(metrics.temperature == temperature)
            #expect(metrics.count == n)
            #expect(metrics.accuracy == correct / Double(n))
            #expect(TestData.close(metrics.nll, nll / Double(n), relative: 1e-12))
            #expect(TestData.close(metrics.brier, brier / Double(n), relative: 1e-12))
            #expect(metrics.ece == ReliabilityDiagram(confidences: predictions.confidences, correct: predictions.isCorrect).ece)
        }
    }

    @Test func confidentRowsKeepTheirDigits() throws {
        // z = (40, 0), y = 0: p_y = 1/(1 + e^−40); −ln p_y = ln(1 + e^−40) ≈ e^−40 (relative error < e^−40),
        // though 1/(1 + e^−40) rounds to exactly 1 and −ln of it would give 0.
        // 1 − p_y = e^−40/(1 + e^−40); Brier = 2(1 − p_y)².
        // y = 1 (the wrong class): −ln p_1 = 40 + ln(1 + e^−40).
        let logits = Matrix([[40, 0], [40, 0]])
        let predictions = try TopLabelPredictions(logits: LogitSource(logits), labels: [0, 1])
        let tail = exp(-40.0)
        #expect(predictions.confidences[0] == 1)
        #expect(TestData.close(predictions.negativeLogLikelihoods[0], tail, relative: 1e-15))
        #expect(TestData.close(predictions.brierScores[0], 2 * (tail / (1 + tail)) * (tail / (1 + tail)), relative: 1e-14))
        #expect(TestData.close(predictions.negativeLogLikelihoods[1], 40 + tail, relative: 1e-15))
        #expect(predictions.isCorrect == [true, false])
    }

    @Test func float32ConfidencesThatWouldRoundToOneStayBelowOneInFloat64() throws {
        // z = (18, 0): p = 1/(1 + e^−18) = 0.99999998477…, exactly 1.0 in Float32.
        let predictions = try TopLabelPredictions(logits: LogitSource(Matrix([[18, 0]])), labels: [0])
        #expect(Float(predictions.confidences[0]) == 1)
        #expect(predictions.confidences[0] < 1)
        #expect(CalibrationBins.widthBin(of: predictions.confidences[0], binCount: 15) == 14)
    }

    @Test func logitsFromFeaturesGiveTheSameFigures() throws {
        var generator = SeededGenerator(seed: 2)
        let features = TestData.randomMatrix(300, 8, &generator)
        let weight = TestData.randomMatrix(4, 8, in: -3...3, &generator)
        let bias = TestData.uniform(4, &generator)
        let labels = (0..<300).map { _ in generator.next(below: 4) }
        var plain = [Double]()
        for i in 0..<300 {
            for k in 0..<4 { plain.append(bias[k] + (0..<8).reduce(0.0) { $0 + features[i, $1] * weight[k, $1] }) }
        }
        let computed = try CalibrationMetrics(
            logits: TestSupport.computed(Matrix(rows: 300, columns: 4, values: plain)), labels: labels, binning: .mass)
        let stored = try CalibrationMetrics(
            logits: LogitSource(Matrix(rows: 300, columns: 4, values: plain)), labels: labels, binning: .mass)
        #expect(computed.accuracy == stored.accuracy)
        #expect(TestData.close(computed.nll, stored.nll, relative: 1e-12))
        #expect(TestData.close(computed.brier, stored.brier, relative: 1e-12))
        #expect(TestData.close(computed.ece, stored.ece, relative: 1e-9, absolute: 1e-12))
    }

    @Test func noExamplesIsAnError() {
        #expect(throws: PenvizError.self) {
            try CalibrationMetrics(logits: LogitSource(Matrix(rows: 0, columns: 3, values: [])), labels: [])
        }
    }
}
