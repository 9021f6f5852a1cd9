import Foundation
import PenvizCore

/// Runs built in memory for the calibration and erasure tests, checked by
/// `Run(parts:)` like any run read from a file.
///
/// The final layer is the K×K identity with zero bias, so a split's features
/// are its logits: a split stored without logits gets exactly the same logits
/// computed as `x·Wᵀ + b`.
public enum CalibrationTestRuns {
    /// One split: logit rows and labels; `storesLogits` false leaves the logits to be computed.
    public struct SplitData: Sendable {
        public var name: String
        public var logits: [[Double]]
        public var labels: [Int]
        public var storesLogits = true

        /// A split from its parts.
        public init(name: String, logits: [[Double]], labels: [Int], storesLogits: Bool = true) {
            self.name = name
            self.logits = logits
            self.labels = labels
            self.storesLogits = storesLogits
        }
    }

    /// A float64 view of `values` with `shape`, C order.
    public static func array(_ values: [Double], shape: [Int]) throws -> ArrayView {
        let bytes = values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
        return try ArrayView(shape: shape, dtype: .float64, storage: ByteStorage(copying: bytes))
    }

    /// A run of `classCount` classes named `c0`, `c1`, … with `splits`.
    public static func run(
        source: String = "calib.npz", classCount k: Int, alpha: Double? = nil, splits: [SplitData]
    ) throws -> Run {
        let identity = (0..<k).flatMap { row in (0..<k).map { $0 == row ? 1.0 : 0 } }
        func matrix(_ key: String, _ rows: [[Double]]) throws -> NamedArray {
            NamedArray(key: key, array: try array(rows.flatMap { $0 }, shape: [rows.count, k]))
        }
        let parts = RunParts(
            source: source, name: String(source.split(separator: ".")[0]),
            weight: NamedArray(key: "weight", array: try array(identity, shape: [k, k])),
            bias: NamedArray(key: "bias", array: try array(Array(repeating: 0, count: k), shape: [k])),
            classNames: ("class_names", (0..<k).map { "c\($0)" }),
            labelSmoothing: try alpha.map { NamedArray(key: "label_smoothing", array: try array([$0], shape: [])) },
            splits: try splits.map { split in
                RunParts.SplitParts(
                    name: split.name, features: try matrix("\(split.name)_features", split.logits),
                    labels: NamedArray(key: "\(split.name)_labels",
                                       array: try array(split.labels.map(Double.init), shape: [split.labels.count])),
                    logits: split.storesLogits ? try matrix("\(split.name)_logits", split.logits) : nil)
            })
        return try Run(parts: parts)
    }

    /// The hand-solved evaluation split of the tests (K = 2, M = 2 bins):
    ///
    /// | example | logits      | p              | conf | pred | label | correct |
    /// |---------|-------------|----------------|------|------|-------|---------|
    /// | 0       | (ln 3, 0)   | (3/4, 1/4)     | 0.75 | 0    | 0     | yes     |
    /// | 1       | (0, ln 9)   | (1/10, 9/10)   | 0.9  | 1    | 0     | no      |
    /// | 2       | (0, 0)      | (1/2, 1/2)     | 0.5  | 0    | 1     | no      |
    /// | 3       | (0, ln 4)   | (1/5, 4/5)     | 0.8  | 1    | 1     | yes     |
    ///
    /// Bin 1 (0, 0.5] holds example 2: accuracy 0, confidence 0.5. Bin 2
    /// (0.5, 1] holds 0, 1, 3: accuracy 2/3, confidence 2.45/3. So
    /// ECE = ¼·0.5 + ¾·|2/3 − 2.45/3| = 0.125 + 0.1125 = 0.2375 and MCE = 0.5;
    /// accuracy ½; NLL = −¼ (ln ¾ + ln ⅒ + ln ½ + ln ⅘);
    /// Brier = ¼ (0.125 + 1.62 + 0.5 + 0.08) = 0.58125.
    public static let handTest = SplitData(
        name: "test", logits: [[log(3), 0], [0, log(9)], [0, 0], [0, log(4)]], labels: [0, 0, 1, 1])

    /// An over-confident split: 40 rows of K logits, three times seeded uniform
    /// values in −1…1, labelled so that two thirds of the predictions are right.
    public static func overconfident(name: String = "val", seed: UInt64 = 1, classCount k: Int = 3) -> SplitData {
        var generator = SeededGenerator(seed: seed)
        var logits: [[Double]] = [], labels: [Int] = []
        for row in 0..<40 {
            let z = (0..<k).map { _ in 3 * (2 * generator.nextUnitInterval() - 1) }
            logits.append(z)
            let top = z.indices.max { z[$0] < z[$1] }!
            labels.append(row % 3 == 0 ? (top + 1) % k : top)
        }
        return SplitData(name: name, logits: logits, labels: labels)
    }
}
