import Foundation
import PenvizAnalysis
import PenvizCore
import PenvizTestSupport

@testable import PenvizReport

/// A small report built in memory for the report tests: two runs of K = 3
/// classes (the identity layer of ``CalibrationTestRuns``, so features are
/// logits) with train, val and test splits and augmented logits; the second
/// run's logits are the first's halved, and it stores α = 0.1.
enum ReportTestRuns {
    /// The hard run (α = 0) and the smoothed one (α = 0.1, logits × ½).
    static func runs() throws -> [ComparedRun] {
        func run(_ name: String, alpha: Double, scale: Double) throws -> Run {
            let splits = [("train", UInt64(1)), ("val", 2), ("test", 3)].map { split, seed in
                var data = CalibrationTestRuns.overconfident(name: split, seed: seed)
                data.logits = data.logits.map { $0.map { scale * $0 } }
                return data
            }
            return try CalibrationTestRuns.run(source: "\(name).npz", classCount: 3, alpha: alpha, splits: splits)
        }
        return [ComparedRun(label: "hard", run: try run("hard", alpha: 0, scale: 1)),
                ComparedRun(label: "smoothed", run: try run("smoothed", alpha: 0.1, scale: 0.5))]
    }

    /// The augmented logits of the hard and smoothed runs: six examples of classes 0
    /// and 2, three passes each, z = (f, 0, 0) shifted per example (× ½ when smoothed).
    static func augmentedRuns() throws -> [AugmentedRun] {
        try [("hard", 0.0, 1.0), ("smoothed", 0.1, 0.5)].map { name, alpha, scale in
            let passes: [[[Double]]] = (0..<6).map { example in
                (0..<3).map { pass in [scale * (Double(example) + 0.3 * Double(pass)), 0, 0] }
            }
            return try ErasureTestRuns.run(source: "\(name).npz", classCount: 3, alpha: alpha, augmented: ["train_logits_aug": passes])
        }
    }

    /// The report of ``runs()`` and ``augmentedRuns()`` (the smoothed run first when `reversed`):
    /// the one triplet (0, 1, 2) as given and as the automatic similar and different
    /// rows, train and val, calibration with 20 resamples, erasure of classes 0 and 2
    /// unless `augmented` is false.
    static func content(augmented: Bool = true, reversed: Bool = false) throws -> ReportContent {
        let runs = reversed ? try runs().reversed() : try runs()
        let augmentedRuns = reversed ? try augmentedRuns().reversed() : try augmentedRuns()
        let triplets = [ComparedTriplet(kind: .given, triplet: Triplet(0, 1, 2))]
            + (try ComparedTriplet.automatic([.similar, .different], in: runs[0].run, includeBias: true))
        let comparison = try Comparison(runs: runs, splits: ["train", "val"], triplets: triplets)
        let settings = CalibrationSettings(resamples: 20)
        let calibrations = try runs.map { try RunCalibration(label: $0.label, run: $0.run, settings: settings) }
        let erasure: ReportErasure = augmented
            ? .measured(try zip(runs, augmentedRuns).map {
                try RunErasure(label: $0.label, run: $1, key: "train_logits_aug", classA: 0, classB: 2)
            },
                        classNames: runs[0].run.classNames)
            : .skipped("no run stores augmented logits.")
        return ReportContent(
            comparison: comparison, splits: try comparison.splitSummaries(), calibrations: calibrations, settings: settings,
            erasure: erasure, look: ReportLook(perClass: 10))
    }

    /// A fresh temporary folder path (not created).
    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("penviz-report-\(UUID().uuidString)").path
    }
}
