import PenvizAnalysis
import PenvizTestSupport
import Testing

@testable import PenvizReport

/// The table `penviz calibrate` prints.
@Suite("CalibrationTable")
struct CalibrationTableTests {
    typealias Runs = CalibrationTestRuns

    @Test("two lines a run, before at T = 1 and after at T*, with the hand-solved figures")
    func lines() throws {
        let run = try Runs.run(
            source: "hand.npz", classCount: 2, alpha: 0.1,
            splits: [Runs.overconfident(name: "val", classCount: 2), Runs.handTest])
        let settings = CalibrationSettings(binCount: 2, resamples: 0)
        let calibration = try RunCalibration(label: "hand", run: run, settings: settings)
        let lines = CalibrationTable(CalibrationReport(settings: settings, runs: [calibration])).text
            .split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(lines.count == 3)
        #expect(lines[0] == ["run", "alpha", "fit", "eval", "scaling", "T", "n", "accuracy", "nll", "brier", "ece",
                             "ece", "95%", "interval", "mce"])
        #expect(lines[1].prefix(8) == ["hand", "0.1", "val", "test", "before", "1", "4", "0.5000"])
        // NLL −¼ ln(0.75·0.1·0.5·0.8) = 0.87664, Brier 0.58125, ECE 0.2375, no interval, MCE 0.5; four digits shown.
        let shown = [lines[1][8], lines[1][9], lines[1][10], lines[1][12]].map { Double($0)! }
        for (value, expected) in zip(shown, [0.87664, 0.58125, 0.2375, 0.5]) {
            #expect(abs(value - expected) <= 1e-4 * expected)
        }
        #expect(lines[1][11] == "-")
        #expect(lines[2].prefix(5) == ["hand", "0.1", "val", "test", "after"])
        #expect(lines[2][6...7] == ["4", "0.5000"])
    }
}
