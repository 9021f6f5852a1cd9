import PenvizTestSupport
import Testing
@testable import PenvizCore

/// The seeded percentile bootstrap of the ECE.
struct BootstrapIntervalTests {
    /// Miscalibrated predictions: confidences in [0.5, 1), right with probability conf − 0.2.
    private func overconfident(_ n: Int, seed: UInt64) -> (confidences: [Double], correct: [Bool]) {
        var generator = SeededGenerator(seed: seed)
        let confidences = (0..<n).map { _ in 0.5 + 0.5 * generator.nextUnitInterval() }
        return (confidences, confidences.map { generator.nextUnitInterval() < $0 - 0.2 })
    }

    @Test func percentilesInterpolateLinearlyLikeNumPy() {
        // h = (B − 1)q: for [1, 2, 3, 4, 5], q = 0.025 → h = 0.1 → 1.1; q = 0.975 → h = 3.9 → 4.9
        #expect(TestData.close(BootstrapInterval.percentile(ofSorted: [1, 2, 3, 4, 5], 0.025), 1.1, relative: 1e-15))
        #expect(TestData.close(BootstrapInterval.percentile(ofSorted: [1, 2, 3, 4, 5], 0.975), 4.9, relative: 1e-15))
        #expect(BootstrapInterval.percentile(ofSorted: [7], 0.975) == 7)
        #expect(BootstrapInterval.percentile(ofSorted: [1, 3], 1) == 3)
    }

    @Test func containsThePointEstimateAndIsReproducible() {
        let (confidences, correct) = overconfident(3000, seed: 12)
        for binning in CalibrationBinning.allCases {
            let ece = ReliabilityDiagram(confidences: confidences, correct: correct, binning: binning).ece
            let interval = BootstrapInterval(confidences: confidences, correct: correct, binning: binning, seed: 2024)
            #expect(interval.lower <= ece && ece <= interval.upper)
            #expect(interval.lower < interval.upper)
            #expect(interval.resamples == 200 && interval.seed == 2024)
            #expect(BootstrapInterval(confidences: confidences, correct: correct, binning: binning, seed: 2024) == interval)
            #expect(BootstrapInterval(confidences: confidences, correct: correct, binning: binning, seed: 2025) != interval)
        }
    }

    @Test func matchesResamplesDrawnByHand() {
        // The documented recipe, spelled out: resample b uses a generator seeded with the b-th
        // output of SeededGenerator(seed), draws n indices with next(below: n), and its ECE is
        // that of the resampled arrays; the interval is the 2.5/97.5 % linear-interpolation percentiles.
        let (confidences, correct) = overconfident(500, seed: 3)
        let b = 40, seed: UInt64 = 77
        for binning in CalibrationBinning.allCases {
            var master = SeededGenerator(seed: seed)
            var values: [Double] = []
            for _ in 0..<b {
                var generator = SeededGenerator(seed: master.next())
                let picks = (0..<500).map { _ in generator.next(below: 500) }
                values.append(ReliabilityDiagram(
                    confidences: picks.map { confidences[$0] }, correct: picks.map { correct[$0] }, binning: binning).ece)
            }
            values.sort()
            // h = 39 · 0.025 = 0.975 and 39 · 0.975 = 38.025
            let lower = values[0] + 0.975 * (values[1] - values[0])
            let upper = values[38] + 0.025 * (values[39] - values[38])
            let interval = BootstrapInterval(confidences: confidences, correct: correct, binning: binning, resamples: b, seed: seed)
            #expect(TestData.close(interval.lower, lower, relative: 1e-12))
            #expect(TestData.close(interval.upper, upper, relative: 1e-12))
        }
    }

    @Test func takesPredictionsDirectly() throws {
        let logits = LogitSource(Matrix([[3, 0], [0, 1], [2, 2], [5, 1], [0, 4]]))
        let predictions = try TopLabelPredictions(logits: logits, labels: [0, 0, 1, 0, 1])
        #expect(BootstrapInterval(predictions: predictions, binCount: 5, resamples: 30, seed: 1)
            == BootstrapInterval(confidences: predictions.confidences, correct: predictions.isCorrect, binCount: 5, resamples: 30, seed: 1))
    }
}
