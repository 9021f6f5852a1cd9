import Testing
@testable import PenvizCore

/// The equal-width and equal-mass binning rules of DESIGN.md §3.
struct CalibrationBinsTests {
    /// The definition read literally: the first 1-based m with conf ≤ Double(m)/Double(M), or bin 1 for 0.
    private func referenceBin(_ confidence: Double, _ binCount: Int) -> Int {
        for m in 1...binCount where confidence <= Double(m) / Double(binCount) { return m - 1 }
        return binCount - 1
    }

    @Test func edgesGoToTheLowerBin() {
        // M = 5: edges 0.2, 0.4, 0.6, 0.8, 1.0 (0-based bins below)
        #expect(CalibrationBins.widthBin(of: 0, binCount: 5) == 0)
        #expect(CalibrationBins.widthBin(of: 0.2, binCount: 5) == 0)
        #expect(CalibrationBins.widthBin(of: 0.4, binCount: 5) == 1)
        #expect(CalibrationBins.widthBin(of: 0.4.nextUp, binCount: 5) == 2)
        #expect(CalibrationBins.widthBin(of: 0.6, binCount: 5) == 2)
        #expect(CalibrationBins.widthBin(of: 1.0, binCount: 5) == 4)
        #expect(CalibrationBins.widthBin(of: 1.0.nextDown, binCount: 5) == 4)
        #expect(CalibrationBins.widthBin(of: .leastNonzeroMagnitude, binCount: 5) == 0)
    }

    @Test func everyEdgeOfEveryBinCountAgreesWithTheDefinition() {
        for binCount in 1...40 {
            for m in 0...binCount {
                let edge = Double(m) / Double(binCount)
                for confidence in [edge.nextDown, edge, edge.nextUp] where confidence >= 0 && confidence <= 1 {
                    #expect(CalibrationBins.widthBin(of: confidence, binCount: binCount) == referenceBin(confidence, binCount))
                }
            }
        }
        var generator = SeededGenerator(seed: 4)
        for _ in 0..<20_000 {
            let confidence = generator.nextUnitInterval()
            #expect(CalibrationBins.widthBin(of: confidence, binCount: 15) == referenceBin(confidence, 15))
        }
    }

    private func groups(_ sorted: [Double], _ binCount: Int) -> [Range<Int>] {
        CalibrationBins.massGroups(sortedConfidence: { sorted[$0] }, count: sorted.count, binCount: binCount)
    }

    @Test func equalMassGroupsWithoutTies() {
        // n = 10, M = 3: boundaries ⌊10/3⌋ = 3 and ⌊20/3⌋ = 6
        #expect(groups((1...10).map { Double($0) / 10 }, 3) == [0..<3, 3..<6, 6..<10])
    }

    @Test func aBoundaryInsideARunOfTiesMovesPastTheRun() {
        // nominal boundary 3 falls inside the run 0.3, 0.3, 0.3 (positions 2…4): it moves to 5
        let sorted = [0.1, 0.2, 0.3, 0.3, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9]
        #expect(groups(sorted, 3) == [0..<5, 5..<6, 6..<10])
    }

    @Test func aRunSwallowingTheNextBoundaryLeavesAnEmptyGroupThatIsDropped() {
        // boundary 3 moves to 8 (end of the 0.5 run); nominal 6 then cannot go behind it: group 8..<8 is dropped
        let sorted = [0.1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.8, 0.9]
        #expect(groups(sorted, 3) == [0..<8, 8..<10])
        #expect(groups([Double](repeating: 0.7, count: 9), 4) == [0..<9])
    }

    @Test func moreBinsThanExamples() {
        // n = 2, M = 5: boundaries ⌊2m/5⌋ = 0, 0, 1, 1
        #expect(groups([0.2, 0.9], 5) == [0..<1, 1..<2])
    }
}
