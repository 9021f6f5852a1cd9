import PenvizAnalysis
import PenvizCore

/// Runs of augmented logits built in memory, and their erasure estimates, for the
/// tests of information erasure, its document and its table.
public enum ErasureTestRuns {
    /// An ``AugmentedRun`` of `classCount` classes named `c0`, `c1`, … with, by key,
    /// N×L×K augmented logits given as N×L rows of K values (read as N×L×K, whatever
    /// their sizes), and the examples' labels by the same key (stored as `KEY_labels`;
    /// any numbers, checked by ``RunErasure``).
    public static func run(
        source: String = "aug.npz", classCount k: Int, alpha: Double? = nil, augmented: [String: [[[Double]]]],
        labels: [String: [Double]] = [:]
    ) throws -> AugmentedRun {
        try AugmentedRun(
            source: source, name: String(source.split(separator: ".")[0]), classNames: ("class_names", (0..<k).map { "c\($0)" }),
            labelSmoothing: try alpha.map { NamedArray(key: "label_smoothing", array: try CalibrationTestRuns.array([$0], shape: [])) },
            logits: try augmented.keys.sorted().map { key in
                let rows = augmented[key]!
                let passes = rows.first?.count ?? 0
                return NamedArray(
                    key: key, array: try CalibrationTestRuns.array(rows.flatMap { $0.flatMap { $0 } }, shape: [rows.count, passes, k]))
            },
            labels: try Dictionary(uniqueKeysWithValues: labels.map { key, ids in
                (key, NamedArray(key: key + "_labels", array: try CalibrationTestRuns.array(ids, shape: [ids.count])))
            }), layout: .examplesFirst)
    }

    /// Two runs on the two-example case of the RunErasure tests (class 0 − class 2: f = −1, 1 and 1, 3), the second with a stored α.
    public static func runs() throws -> [RunErasure] {
        let f: [[Double]] = [[-1, 1], [1, 3]]
        let augmented = ["train_logits_aug": f.map { passes in passes.map { [1 + $0, 5, 1] } }]
        let hard = try run(source: "hard.npz", classCount: 3, augmented: augmented)
        let smoothed = try run(source: "smoothed.npz", classCount: 3, alpha: 0.1, augmented: augmented)
        return try [hard, smoothed].map { run in
            try RunErasure(label: run.name, run: run, key: "train_logits_aug", classA: 0, classB: 2)
        }
    }
}
