import Foundation
import PenvizTestSupport
import Testing
@testable import PenvizCore

/// ECE, MCE and the bins of reliability diagrams on hand-built confidences.
struct ReliabilityDiagramTests {
    @Test func equalWidthBinsWorkedByHand() throws {
        // M = 5. Each confidence, its bin (e_{m−1} < conf ≤ e_m) and outcome:
        //   0.0 ✗ → bin 1 (0 goes to bin 1)      0.2 ✓ → bin 1 (edge → lower bin)
        //   0.4 ✗ → bin 2 (edge → lower bin)
        //   0.5 ✓, 0.6 ✓ → bin 3
        //   (bin 4 empty)
        //   0.9 ✗, 1.0 ✓ → bin 5 (1.0 goes to the last bin)
        // bin 1: acc 1/2, conf 0.1,  |gap| 0.4     bin 2: acc 0, conf 0.4, |gap| 0.4
        // bin 3: acc 1,   conf 0.55, |gap| 0.45    bin 5: acc 1/2, conf 0.95, |gap| 0.45
        // ECE = (2·0.4 + 1·0.4 + 2·0.45 + 2·0.45)/7 = 3/7;  MCE = 0.45
        let confidences = [0.0, 0.2, 0.4, 0.5, 0.6, 1.0, 0.9]
        let correct = [false, true, false, true, true, true, false]
        let diagram = ReliabilityDiagram(confidences: confidences, correct: correct, binCount: 5)
        #expect(diagram.bins.map(\.count) == [2, 1, 2, 0, 2])
        #expect(diagram.bins.map(\.lower) == [0, 0.2, 0.4, 0.6, 0.8])
        #expect(diagram.bins.map(\.upper) == [0.2, 0.4, 0.6, 0.8, 1.0])
        #expect(diagram.bins.map(\.accuracy) == [0.5, 0, 1, nil, 0.5])
        let expectedConfidence = [0.1, 0.4, 0.55, nil, 0.95]
        for (bin, expected) in zip(diagram.bins, expectedConfidence) {
            guard let expected else {
                #expect(bin.confidence == nil && bin.gap == nil)
                continue
            }
            #expect(TestData.close(bin.confidence!, expected, relative: 1e-15))
            #expect(TestData.close(bin.gap!, expected - bin.accuracy!, relative: 1e-15, absolute: 1e-15))
        }
        #expect(TestData.close(diagram.ece, 3.0 / 7, relative: 1e-15))
        #expect(TestData.close(diagram.mce, 0.45, relative: 1e-15))
    }

    @Test func equalMassBinsKeepTiesTogether() {
        // M = 2, sorted: 0.3✓ 0.5✗ 0.5✓ 0.5✗ | 0.7✓ 0.9✓ (nominal boundary 3 splits the 0.5 run → moves to 4)
        // group 1: acc 2/4, conf (0.3 + 1.5)/4 = 0.45, |gap| 0.05;  group 2: acc 1, conf 0.8, |gap| 0.2
        // ECE = (4/6)(0.05) + (2/6)(0.2) = 0.1;  MCE = 0.2
        let confidences = [0.3, 0.9, 0.5, 0.5, 0.5, 0.7]
        let correct = [true, true, false, true, false, true]
        let diagram = ReliabilityDiagram(confidences: confidences, correct: correct, binCount: 2, binning: .mass)
        #expect(diagram.bins.map(\.count) == [4, 2])
        #expect(diagram.bins.map(\.lower) == [0, 0.5])
        #expect(diagram.bins.map(\.upper) == [0.5, 1])
        #expect(diagram.bins.map(\.accuracy) == [0.5, 1])
        #expect(TestData.close(diagram.bins[0].confidence!, 0.45, relative: 1e-15))
        #expect(TestData.close(diagram.bins[1].confidence!, 0.8, relative: 1e-15))
        #expect(TestData.close(diagram.ece, 0.1, relative: 1e-14))
        #expect(TestData.close(diagram.mce, 0.2, relative: 1e-14))
    }

    @Test func perfectCalibrationHasNoError() {
        // Four examples at 0.75 with three right, in one bin: acc = conf.
        let diagram = ReliabilityDiagram(confidences: [0.75, 0.75, 0.75, 0.75], correct: [true, true, false, true])
        #expect(diagram.ece == 0)
        #expect(diagram.mce == 0)
    }

    @Test func eceMatchesASumOverExamplesOnRandomData() {
        // ECE = Σ_m |Σ_{i∈B_m} (1[correct_i] − conf_i)| / n, an algebraically equal form.
        var generator = SeededGenerator(seed: 10)
        let n = 5000
        let confidences = (0..<n).map { _ in 0.2 + 0.8 * generator.nextUnitInterval() }
        let correct = confidences.map { generator.nextUnitInterval() < $0 - 0.1 }
        for binning in CalibrationBinning.allCases {
            let diagram = ReliabilityDiagram(confidences: confidences, correct: correct, binCount: 15, binning: binning)
            // membership from the diagram's own edges (lower < conf ≤ upper), checked against its counts
            var ece = 0.0, mce = 0.0
            for bin in diagram.bins {
                let members = confidences.indices.filter {
                    (confidences[$0] > bin.lower || (bin.lower == 0 && confidences[$0] == 0)) && confidences[$0] <= bin.upper
                }
                #expect(members.count == bin.count)
                guard !members.isEmpty else { continue }
                let difference = members.reduce(0.0) { $0 + (correct[$1] ? 1 : 0) - confidences[$1] }
                ece += abs(difference) / Double(n)
                mce = max(mce, abs(difference) / Double(members.count))
            }
            #expect(TestData.close(diagram.ece, ece, relative: 1e-12))
            #expect(TestData.close(diagram.mce, mce, relative: 1e-12))
        }
    }
}
