import Testing

@testable import PenvizReport

/// `Findings`: the sentences under the report's tables, for hand-made numbers
/// in both directions. Each expected factor is worked out by hand from the inputs.
@Suite("Report findings")
struct ReportFindingsTests {
    typealias Value = Findings.Value

    @Test("wrong-class logits: 4.35 → 0.5 is 8.7× more uniform; 0.5 → 4.35 is 8.7× less; 4.8 → 4.7 about as uniform")
    func wrongLogits() {
        let hard = Value(run: "hard", value: 4.35), smoothed = Value(run: "smoothed", value: 0.5)
        #expect(Findings.wrongLogits(from: hard, to: smoothed)
            == "The smoothed run's wrong-class logits are 8.7× more uniform than the hard run's: their spread fell from 4.35 to 0.500.")
        #expect(Findings.wrongLogits(from: smoothed, to: Value(run: "hard", value: 4.35))
            == "The hard run's wrong-class logits are 8.7× less uniform than the smoothed run's: their spread rose from 0.500 to 4.35.")
        #expect(Findings.wrongLogits(from: Value(run: "a", value: 4.8), to: Value(run: "b", value: 4.7)).contains("about as uniform"))
    }

    @Test("logit gap: 15.1 → 4.3 shrank 3.5× close to ls_gap 4.5; growing, and a gap far from its target, say so")
    func logitGap() {
        let shrank = Findings.logitGap(
            split: "val", from: Value(run: "hard", value: 15.1), to: Value(run: "smoothed", value: 4.3), target: 4.5, alpha: 0.1)
        // 15.1 / 4.3 = 3.51…; |4.3 − 4.5| / 4.5 = 0.044 ≤ 0.15
        #expect(shrank == "On val, the logit gap (true logit over the mean wrong one) shrank 3.5× from 15.1 in the hard run"
            + " to 4.30 in the smoothed run, close to the 4.50 that α = 0.1 drives it toward.")
        let grew = Findings.logitGap(
            split: "val", from: Value(run: "smoothed", value: 4.3), to: Value(run: "other", value: 12.9), target: 4.5, alpha: 0.1)
        #expect(grew.contains("grew 3.0× from 4.30 in the smoothed run to 12.9 in the other run, still above the 4.50"))
        let below = Findings.logitGap(
            split: "test", from: Value(run: "a", value: 10), to: Value(run: "b", value: 2), target: 4.5, alpha: 0.1)
        #expect(below.contains("shrank 5.0×") && below.contains(", below the 4.50 that α = 0.1 drives it toward."))
        let unknown = Findings.logitGap(split: "val", from: Value(run: "a", value: 10), to: Value(run: "b", value: 10.2),
                                        target: nil, alpha: nil)
        #expect(unknown.hasSuffix("hardly changed, from 10.0 in the a run to 10.2 in the b run."))
    }

    @Test("one run's logit gap: against its target when α > 0, unbounded at α = 0, nothing when α is unknown")
    func logitGapOfOneRun() {
        #expect(Findings.logitGap(split: "val", of: Value(run: "smoothed", value: 4.307), target: 4.511, alpha: 0.1)
            == "On val, the smoothed run's logit gap (true logit over the mean wrong one) is 4.31, close to the 4.51 that α = 0.1 drives it toward.")
        // 6.0 is 33 % above 4.511: outside the 15 % of "close".
        #expect(Findings.logitGap(split: "test", of: Value(run: "s", value: 6.0), target: 4.511, alpha: 0.1)?
            .hasSuffix("is 6.00, still above the 4.51 that α = 0.1 drives it toward.") == true)
        #expect(Findings.logitGap(split: "val", of: Value(run: "hard", value: 15.11), target: nil, alpha: 0)
            == "On val, the hard run's logit gap (true logit over the mean wrong one) is 15.1: hard targets (α = 0) put no bound on it.")
        #expect(Findings.logitGap(split: "val", of: Value(run: "x", value: 15.11), target: nil, alpha: nil) == nil)
    }

    @Test("one run's erasure: Î as a share of ln N")
    func erasureOfOneRun() {
        // 0.6602 / 6.397 = 0.10320…
        #expect(Findings.erasure(of: Value(run: "smoothed", value: 0.6602), lnN: 6.397)
            == "The smoothed run's logits keep Î = 0.660 nats of information about which training example they came from:"
                + " 10.3 % of the ln N = 6.40 that telling every example apart would take.")
    }

    @Test("accuracy: +0.59 points changed little; 2.5 points down fell; 1.5 up rose")
    func accuracy() {
        #expect(Findings.accuracy(split: "val", from: Value(run: "hard", value: 0.9287), to: Value(run: "smoothed", value: 0.9346))
            == "On val, accuracy changed little from the hard run to the smoothed run: 92.87 % and 93.46 % (+0.59 points).")
        #expect(Findings.accuracy(split: "val", from: Value(run: "a", value: 0.9), to: Value(run: "b", value: 0.875))
            == "On val, accuracy fell by 2.50 points from the a run to the b run: 90.00 % and 87.50 %.")
        #expect(Findings.accuracy(split: "test", from: Value(run: "a", value: 0.8), to: Value(run: "b", value: 0.815))
            .hasPrefix("On test, accuracy rose by 1.50 points"))
    }

    @Test("calibration before scaling: a lower ECE is better, a higher one worse, with the factor")
    func calibration() {
        let better = Findings.calibration(split: "test", from: Value(run: "hard", value: 0.150), to: Value(run: "smoothed", value: 0.021))
        // 0.150 / 0.021 = 7.14
        #expect(better == "Before temperature scaling, the smoothed run is better calibrated than the hard run on test:"
            + " ECE 0.0210 against 0.150, 7.1× lower.")
        let worse = Findings.calibration(split: "test", from: Value(run: "hard", value: 0.0174), to: Value(run: "smoothed", value: 0.0887))
        // 0.0887 / 0.0174 = 5.10
        #expect(worse == "Before temperature scaling, the smoothed run is worse calibrated than the hard run on test:"
            + " ECE 0.0887 against 0.0174, 5.1× higher.")
        let same = Findings.calibration(split: "test", from: Value(run: "a", value: 0.02), to: Value(run: "b", value: 0.0205))
        #expect(same.contains("about as well calibrated as the a run"))
    }

    @Test("temperature scaling: T* > 1 softens and may cut the ECE; T* < 1 sharpens and may make it worse; T* = 1 leaves it")
    func temperatureScaling() {
        // 0.150 / 0.021 = 7.14
        #expect(Findings.temperatureScaling(run: "hard", temperature: 1.9, fitSplit: "val", before: 0.150, after: 0.021)
            == "For the hard run, T* = 1.9 (fitted on val) softens an over-confident softmax and cuts the ECE 7.1× from 0.150 to 0.0210.")
        // 0.035 / 0.024 = 1.458
        #expect(Findings.temperatureScaling(run: "smoothed", temperature: 0.8, fitSplit: "val", before: 0.024, after: 0.035)
            == "For the smoothed run, T* = 0.8 (fitted on val) sharpens an under-confident softmax but raises the ECE 1.5×"
            + " from 0.0240 to 0.0350: scaling made calibration worse.")
        #expect(Findings.temperatureScaling(run: "flat", temperature: 1, fitSplit: "val", before: 0.3, after: 0.3)
            .contains("leaves the softmax as it is and leaves the ECE about where it was"))
    }

    @Test("label smoothing alone against temperature scaling alone, both ways")
    func smoothingVersusScaling() {
        #expect(Findings.smoothingVersusScaling(smoothed: Value(run: "smoothed", value: 0.0887), scaled: Value(run: "hard", value: 0.00876))
            .contains("calibrates worse than temperature scaling alone (the hard run after T*, ECE 0.00876)"))
        #expect(Findings.smoothingVersusScaling(smoothed: Value(run: "ls", value: 0.019), scaled: Value(run: "hard", value: 0.05))
            .contains("calibrates better than"))
    }

    @Test("erasure: less information is named with its factor; more and about the same too")
    func erasure() {
        // 2.4 / 1.2 = 2
        #expect(Findings.erasure(from: Value(run: "hard", value: 2.4), to: Value(run: "smoothed", value: 1.2), lnN: 6.397)
            == "The smoothed run's logits keep 2.0× less information about which training example they came from than"
            + " the hard run's: Î = 1.20 against 2.40 nats, of at most ln N = 6.40.")
        #expect(Findings.erasure(from: Value(run: "hard", value: 1.2), to: Value(run: "b", value: 3.6), lnN: 6.397)
            .contains("3.0× more information"))
        #expect(Findings.erasure(from: Value(run: "hard", value: 0.6625), to: Value(run: "smoothed", value: 0.6602), lnN: 6.397)
            .contains("about as much information"))
    }

    @Test("tightness across panels: all tighter, all looser, and a mix are each counted")
    func tightness() {
        // 1 / 0.212 = 4.72, 1 / 0.432 = 2.31
        #expect(Findings.tightness(from: "hard", to: "smoothed", ratios: [0.414, 0.432, 0.259, 0.212])
            == "Relative to their templates, the smoothed run's clusters are tighter than the hard run's in all 4 panels"
            + " (tightness 2.3× to 4.7× lower).")
        #expect(Findings.tightness(from: "a", to: "b", ratios: [2, 3])
            == "Relative to their templates, the b run's clusters are looser in all 2 panels (tightness 2.0× to 3.0× higher).")
        #expect(Findings.tightness(from: "a", to: "b", ratios: [0.5, 1.01, 1.5])
            == "Relative to their templates, the b run's clusters are tighter than the a run's in 1 of 3 panels"
            + " (tightness 2.0× lower), looser in 1 of 3 panels (tightness 1.5× higher) and about as tight in 1 of 3 panels.")
        #expect(Findings.tightness(from: "a", to: "b", ratios: []) == nil)
    }

    @Test("equidistance and the cluster ratio, both directions")
    func equidistanceAndClusterRatio() {
        // 0.32 / 0.142 = 2.25
        #expect(Findings.equidistance(from: Value(run: "hard", value: 0.32), to: Value(run: "smoothed", value: 0.142))
            .contains("2.3× more nearly equidistant"))
        #expect(Findings.equidistance(from: Value(run: "hard", value: 0.1), to: Value(run: "b", value: 0.3))
            .contains("3.0× less equidistant"))
        #expect(Findings.clusterRatio(from: Value(run: "hard", value: 0.44), to: Value(run: "smoothed", value: 0.443),
                                      withinFactor: 0.433, betweenFactor: 0.43).contains("hardly moved"))
        #expect(Findings.clusterRatio(from: Value(run: "hard", value: 0.44), to: Value(run: "b", value: 0.22),
                                      withinFactor: 0.5, betweenFactor: 1).contains("fell 2.0×"))
        #expect(Findings.clusterRatio(from: Value(run: "hard", value: 0.2), to: Value(run: "b", value: 0.5),
                                      withinFactor: 2.5, betweenFactor: 1).contains("rose 2.5×"))
    }
}
