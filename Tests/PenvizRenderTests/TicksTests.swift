import Testing
@testable import PenvizRender

@Suite struct TicksTests {
    @Test func unitRangeStepsByFifths() {
        let ticks = Ticks.nice(in: 0...1, maxIntervals: 5)
        #expect(ticks.step == 0.2)
        #expect(ticks.values.count == 6)
        for (value, expected) in zip(ticks.values, [0, 0.2, 0.4, 0.6, 0.8, 1.0]) {
            #expect(abs(value - expected) < 1e-12)
        }
        #expect(ticks.labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func offCentreRangeTakesMultiplesOfTheStepInside() {
        // 15.9 / 5 = 3.18, so the step is 5; multiples of 5 in −3.7…12.2 are 0, 5, 10.
        let ticks = Ticks.nice(in: -3.7...12.2, maxIntervals: 5)
        #expect(ticks.step == 5)
        #expect(ticks.values == [0, 5, 10])
        #expect(ticks.labels == ["0", "5", "10"])
    }

    @Test func negativeLabelsUseTheMinusSign() {
        let ticks = Ticks.nice(in: -1...1, maxIntervals: 2)
        #expect(ticks.labels == ["\u{2212}1", "0", "1"])
    }

    @Test func tinyRangeIsLabelledInScientificNotation() {
        let ticks = Ticks.nice(in: 0...3e-9, maxIntervals: 3)
        #expect(abs(ticks.step - 1e-9) < 1e-24)
        #expect(ticks.labels == ["0", "1e\u{2212}9", "2e\u{2212}9", "3e\u{2212}9"])
    }

    @Test func hugeRangeIsLabelledInScientificNotation() {
        // 2.5e12 / 5 = 5e11: labels need one decimal of the mantissa.
        let ticks = Ticks.nice(in: 0...2.5e12, maxIntervals: 5)
        #expect(ticks.step == 5e11)
        #expect(ticks.labels == ["0", "5e11", "1e12", "1.5e12", "2e12", "2.5e12"])
    }

    @Test func aStepTooFineForItsRangeIsCoarsenedAndNoRangeHangs() {
        // 1e12 steps of 1e-12 across 0…1: coarsened to a nice step giving at most the maximum.
        let fine = Ticks(step: 1e-12, in: 0...1)
        #expect(fine.values.count <= Ticks.maximumCount && fine.values.count > 2)
        #expect(fine.step == Ticks.niceStep(atLeast: 1.0 / Double(Ticks.maximumCount - 2)))
        // Infinite or NaN ends give no ticks instead of an endless stride.
        #expect(Ticks(step: 1, in: -Double.infinity...0).values.isEmpty)
        #expect(Ticks(step: 1e-300, in: -1e300...1e300).values.count <= Ticks.maximumCount)
    }

    @Test func zeroWidthRangeHasOneTick() {
        let ticks = Ticks.nice(in: 5...5, maxIntervals: 5)
        #expect(ticks.step == 0)
        #expect(ticks.values == [5])
        #expect(ticks.labels == ["5"])
    }

    @Test func niceStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(Ticks.niceStep(atLeast: 0.3) == 0.5)
        #expect(Ticks.niceStep(atLeast: 3.18) == 5)
        #expect(Ticks.niceStep(atLeast: 7) == 10)
        #expect(Ticks.niceStep(atLeast: 1) == 1)
        #expect(Ticks.niceStep(atLeast: 1000) == 1000)
        #expect(Ticks.niceStep(atLeast: 0.001) == 0.001)
        #expect(Ticks.niceStep(atLeast: 120) == 200)
        #expect(Ticks.niceStep(after: 2) == 5)
        #expect(Ticks.niceStep(before: 10) == 5)
        #expect(Ticks.niceStep(before: 5) == 2)
        #expect(Ticks.niceStep(before: 2) == 1)
        #expect(Ticks.niceStep(before: 0.1) == 0.05)
        #expect(Ticks.niceStep(atLeast: 0) == 0)
    }

    @Test func roundingNoiseNearZeroIsNotNegativeZero() {
        #expect(Ticks.format(-1e-17, step: 0.1) == "0.0")
        #expect(Ticks.format(0.30000000000000004, step: 0.1) == "0.3")
    }

    @Test func decimalExponentSurvivesLogRounding() {
        #expect(Ticks.decimalExponent(1000) == 3)
        #expect(Ticks.decimalExponent(999.9) == 2)
        #expect(Ticks.decimalExponent(0.001) == -3)
        #expect(Ticks.decimalExponent(-250) == 2)
    }
}
