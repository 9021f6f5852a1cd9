import Foundation
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// `RunCalibration`: a run's figures before and after temperature scaling,
/// against hand-solved and independently computed values.
@Suite("RunCalibration")
struct CalibrationRunTests {
    typealias Runs = CalibrationTestRuns

    /// The hand-solved test split beside an over-confident val split.
    static func handRun(storesTestLogits: Bool = true) throws -> Run {
        var test = Runs.handTest
        test.storesLogits = storesTestLogits
        return try Runs.run(classCount: 2, splits: [Runs.overconfident(name: "val", classCount: 2), test])
    }

    /// −mean ln softmax(z/T)_y, computed here from scratch.
    static func nll(_ split: Runs.SplitData, temperature t: Double) -> Double {
        zip(split.logits, split.labels).map { z, y in
            let scaled = z.map { $0 / t }
            let top = scaled.max()!
            return -(scaled[y] - top - log(scaled.map { exp($0 - top) }.reduce(0, +)))
        }.reduce(0, +) / Double(split.labels.count)
    }

    @Test("before scaling: ECE, MCE, accuracy, NLL, Brier and bins of the hand-solved split (M = 2)")
    func handSolvedBefore() throws {
        let calibration = try RunCalibration(
            label: "hand", run: Self.handRun(), settings: CalibrationSettings(binCount: 2, resamples: 0))
        let before = calibration.before
        #expect(abs(before.ece - 0.2375) < 1e-12)
        #expect(abs(before.mce - 0.5) < 1e-12)
        #expect(before.accuracy == 0.5)
        let nll: Double = -(log(0.75) + log(0.1) + log(0.5) + log(0.8)) / 4
        #expect(abs(before.nll - nll) < 1e-12)
        #expect(abs(before.brier - 0.58125) < 1e-12)
        let bins = before.reliability.bins
        #expect(bins.map(\.count) == [1, 3])
        let accuracies = bins.map { $0.accuracy! }, confidences = bins.map { $0.confidence! }
        let expected: (accuracies: [Double], confidences: [Double]) = ([0, 2.0 / 3], [0.5, 2.45 / 3])
        for bin in 0..<2 {
            #expect(abs(accuracies[bin] - expected.accuracies[bin]) < 1e-12)
            #expect(abs(confidences[bin] - expected.confidences[bin]) < 1e-12)
        }
        #expect(calibration.before.temperature == 1)
    }

    @Test("after scaling: the figures at T*, with the accuracy unchanged")
    func after() throws {
        let calibration = try RunCalibration(
            label: "hand", run: Self.handRun(), settings: CalibrationSettings(binCount: 2, resamples: 0))
        let t = calibration.scaling.temperature
        #expect(calibration.scaling.outcome == .interior && t != 1)
        #expect(calibration.after.temperature == t)
        #expect(calibration.after.accuracy == calibration.before.accuracy)
        #expect(abs(calibration.after.nll - Self.nll(Runs.handTest, temperature: t)) < 1e-12)
    }

    @Test("fitted and evaluated on the same split, the NLL after is never above the NLL before", arguments: [1, 2, 3] as [UInt64])
    func nllNeverRises(seed: UInt64) throws {
        let run = try Runs.run(classCount: 3, splits: [Runs.overconfident(name: "val", seed: seed)])
        let calibration = try RunCalibration(label: "r", run: run, settings: CalibrationSettings(resamples: 0))
        #expect(calibration.fitSplit == "val" && calibration.evalSplit == "val")
        #expect(calibration.after.nll <= calibration.before.nll)
        #expect(calibration.after.accuracy == calibration.before.accuracy)
        // The over-confident split is cooled: T* > 1.
        #expect(calibration.scaling.temperature > 1)
    }

    @Test("the bootstrap intervals are reproducible with a seed and change with it; 0 resamples draw none")
    func bootstrapSeed() throws {
        let run = try Runs.run(classCount: 3, splits: [Runs.overconfident(name: "val"), Runs.overconfident(name: "test", seed: 9)])
        func calibrate(seed: UInt64, resamples: Int = 50) throws -> RunCalibration {
            try RunCalibration(label: "r", run: run, settings: CalibrationSettings(resamples: resamples, seed: seed))
        }
        let first = try calibrate(seed: 7), again = try calibrate(seed: 7), other = try calibrate(seed: 8)
        #expect(first.beforeInterval == again.beforeInterval && first.afterInterval == again.afterInterval)
        #expect(first.beforeInterval != other.beforeInterval)
        #expect(first.beforeInterval!.resamples == 50 && first.beforeInterval!.seed == 7)
        #expect(first.beforeInterval!.lower <= first.beforeInterval!.upper)
        let none = try calibrate(seed: 7, resamples: 0)
        #expect(none.beforeInterval == nil && none.afterInterval == nil)
    }

    @Test("default splits: fit on val, evaluate on test; without test, on the fitting split; without val, the first split")
    func defaultSplits() throws {
        let val = Runs.overconfident(name: "val"), train = Runs.overconfident(name: "train", seed: 4)
        let full = try RunCalibration(label: "r", run: Runs.run(classCount: 3, splits: [train, val, Runs.overconfident(name: "test", seed: 5)]))
        #expect(full.fitSplit == "val" && full.evalSplit == "test" && full.notes.isEmpty)
        let noTest = try RunCalibration(label: "r", run: Runs.run(classCount: 3, splits: [train, val]))
        #expect(noTest.fitSplit == "val" && noTest.evalSplit == "val")
        #expect(noTest.notes.contains { $0.contains("fitted on 'val', the split it is evaluated on") })
        let onlyTrain = try RunCalibration(label: "r", run: Runs.run(classCount: 3, splits: [train]))
        #expect(onlyTrain.fitSplit == "train" && onlyTrain.evalSplit == "train")
        #expect(onlyTrain.notes.contains { $0.contains("no split 'val'") })
        let named = try RunCalibration(
            label: "r", run: Runs.run(classCount: 3, splits: [train, val]), fitSplit: "train", evalSplit: "val")
        #expect(named.fitSplit == "train" && named.evalSplit == "val")
    }

    @Test("a split that is not in the run is an input error naming the run and its splits")
    func missingSplit() throws {
        let run = try Runs.run(source: "runs/a.npz", classCount: 3, splits: [Runs.overconfident(name: "val")])
        #expect(throws: PenvizError(.input, "runs/a.npz: no split 'test'; the run has val")) {
            try RunCalibration(label: "r", run: run, evalSplit: "test")
        }
    }

    @Test("a split without logits gets them computed, with the same figures and a note")
    func computedLogits() throws {
        let settings = CalibrationSettings(binCount: 2, resamples: 20)
        let stored = try RunCalibration(label: "r", run: Self.handRun(), settings: settings)
        let computed = try RunCalibration(label: "r", run: Self.handRun(storesTestLogits: false), settings: settings)
        #expect(computed.before == stored.before && computed.after == stored.after)
        #expect(computed.beforeInterval == stored.beforeInterval)
        #expect(computed.notes.contains { $0.contains("split 'test' has no logits") })
    }

    @Test("α comes from the run unless given")
    func alpha() throws {
        let run = try Runs.run(classCount: 3, alpha: 0.1, splits: [Runs.overconfident()])
        #expect(try RunCalibration(label: "r", run: run, settings: CalibrationSettings(resamples: 0)).alpha == 0.1)
        #expect(try RunCalibration(label: "r", run: run, alpha: 0.2, settings: CalibrationSettings(resamples: 0)).alpha == 0.2)
    }
}
