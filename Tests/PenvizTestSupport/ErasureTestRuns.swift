import PenvizAnalysis
import PenvizCore

/// Erasure estimates of runs built in memory, for the tests of the erasure document and table.
public enum ErasureTestRuns {
    /// Two runs on the two-example case of the RunErasure tests (class 0 − class 2: f = −1, 1 and 1, 3), the second with a stored α.
    public static func runs() throws -> [RunErasure] {
        let f: [[Double]] = [[-1, 1], [1, 3]]
        let augmented = ["train_logits_aug": f.map { passes in passes.map { [1 + $0, 5, 1] } }]
        let hard = try CalibrationTestRuns.run(
            source: "hard.npz", classCount: 3, splits: [CalibrationTestRuns.overconfident()], augmented: augmented)
        let smoothed = try CalibrationTestRuns.run(
            source: "smoothed.npz", classCount: 3, alpha: 0.1, splits: [CalibrationTestRuns.overconfident()],
            augmented: augmented)
        return try [hard, smoothed].map { run in
            try RunErasure(label: run.name, run: run, key: "train_logits_aug", classA: 0, classB: 2)
        }
    }
}
