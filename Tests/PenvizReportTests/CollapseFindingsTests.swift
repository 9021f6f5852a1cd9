import PenvizAnalysis
import Testing

@testable import PenvizReport

/// The neural-collapse finding of the report, for hand-made figures in both directions.
@Suite("Neural-collapse findings")
struct CollapseFindingsTests {
    static func statistics(_ values: [Double?]) -> NeuralCollapse {
        NeuralCollapse(
            n: 100, classes: 10, nc1: values[0], nc2EquinormMeans: values[1], nc2EquinormWeights: values[2], nc2Equiangular: values[3],
            nc2MaxAngle: values[4], nc3: values[5], nc4: values[6], cdnv: values[7])
    }

    @Test("smaller on 6 of 8: more collapsed, nc1 and the angles with their factors, and the figure that rose named")
    func moreCollapsed() {
        // nc1 0.5 → 0.25 (2.0× lower); nc2_equiangular 0.4 → 0.3 (1.3× lower); nc3 0.75 → 1.1 (higher);
        // nc2_equinorm_weights 0.1 → 0.101 (within 5 %: the same); the rest lower.
        let hard = Self.statistics([0.5, 0.2, 0.1, 0.4, 0.4, 0.75, 0.08, 0.3])
        let smoothed = Self.statistics([0.25, 0.15, 0.101, 0.3, 0.3, 1.1, 0.05, 0.2])
        #expect(Findings.collapse(from: ("hard", hard), to: ("smoothed", smoothed))
            == "The smoothed run's penultimate layer is more collapsed than the hard run's on 6 of 8 figures: nc1, the within-class"
            + " spread against the spread of the class means, is 2.0× lower (0.250 against 0.500) and nc2_equiangular is 1.3× lower"
            + " (0.300 against 0.400); nc3 is higher (1.10 against 0.750).")
        #expect(Findings.collapse(from: ("smoothed", smoothed), to: ("hard", hard)).hasPrefix(
            "The hard run's penultimate layer is less collapsed than the smoothed run's on 6 of 8 figures: nc1, the within-class"
                + " spread against the spread of the class means, is 2.0× higher (0.500 against 0.250)"))
    }

    @Test("null figures are left out of the count; no figures at all says so")
    func nulls() {
        let a = Self.statistics([0.5, nil, nil, nil, nil, nil, nil, nil]), b = Self.statistics([0.49, nil, nil, nil, nil, nil, nil, nil])
        #expect(Findings.collapse(from: ("a", a), to: ("b", b))
            == "The b run's penultimate layer is about as collapsed as the a run's: 0 of 1 figures are lower, 0 higher: nc1, the"
            + " within-class spread against the spread of the class means, is about the same (0.490 against 0.500).")
        let none = Self.statistics(Array(repeating: nil, count: 8))
        #expect(Findings.collapse(from: ("a", none), to: ("b", none)).hasPrefix("Neither the a run nor the b run has two classes"))
    }

    @Test("one run: nc1 against full collapse and the share nc4")
    func oneRun() {
        #expect(Findings.collapse(of: ("hard", Self.statistics([0.544, 0.2, 0.1, 0.4, 0.4, 0.75, 0.0844, 0.3])))
            == "The hard run's within-class spread is 0.544 of the spread of its class means (nc1; 0 is full collapse), and"
            + " 8.44 % of its examples are predicted as another class than their nearest class mean (nc4).")
    }
}
