import PenvizAnalysis
import PenvizCore

/// Small runs built in memory for the comparison tests, checked by `Run(parts:)`
/// like any run read from a file, and the tolerance their checks use.
public enum ComparisonTestSupport {
    /// True when `x` is present and agrees with `y` to 1e-12 relative (absolute near 0).
    public static func close(_ x: Double?, _ y: Double) -> Bool {
        guard let x else { return false }
        return abs(x - y) <= 1e-12 * max(1, abs(y))
    }

    /// A float64 view of `values` with `shape`, C order.
    public static func view(_ values: [Double], shape: [Int]) throws -> ArrayView {
        let bytes = values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
        return try ArrayView(shape: shape, dtype: .float64, storage: ByteStorage(copying: bytes))
    }

    /// One split: `features` rows of D values, `labels`, and optional logit rows.
    public struct SplitData: Sendable {
        public var name: String
        public var features: [[Double]]
        public var labels: [Int]
        public var logits: [[Double]]? = nil

        /// A split from its parts.
        public init(name: String, features: [[Double]], labels: [Int], logits: [[Double]]? = nil) {
            self.name = name
            self.features = features
            self.labels = labels
            self.logits = logits
        }
    }

    /// A run from a K×D `weight`, K biases, class names and splits.
    public static func run(
        source: String = "run.npz", weight: [[Double]], bias: [Double], names: [String], alpha: Double? = nil,
        splits: [SplitData]
    ) throws -> Run {
        let d = weight[0].count
        func named(_ key: String, _ rows: [[Double]], columns: Int) throws -> NamedArray {
            NamedArray(key: key, array: try view(rows.flatMap { $0 }, shape: [rows.count, columns]))
        }
        let parts = RunParts(
            source: source, name: source.split(separator: ".")[0].description,
            weight: try named("weight", weight, columns: d),
            bias: NamedArray(key: "bias", array: try view(bias, shape: [bias.count])),
            classNames: ("class_names", names),
            labelSmoothing: try alpha.map { NamedArray(key: "label_smoothing", array: try view([$0], shape: [])) },
            splits: try splits.map { split in
                RunParts.SplitParts(
                    name: split.name,
                    features: try named("\(split.name)_features", split.features, columns: d),
                    labels: NamedArray(key: "\(split.name)_labels", array: try view(split.labels.map(Double.init), shape: [split.labels.count])),
                    logits: try split.logits.map { try named("\(split.name)_logits", $0, columns: weight.count) })
            })
        return try Run(parts: parts)
    }

    /// The hand-solved run of the metric tests: K = 3, D = 2, weight rows (0,0),
    /// (2,0), (0,2) and bias (0, 0, 2), so the augmented templates are
    /// t_0 = (0,0,0), t_1 = (2,0,0), t_2 = (0,2,2) and the logits of x are
    /// z = (0, 2x₁, 2x₂ + 2).
    ///
    /// Split `val`: class 0 at (1,1) and (−1,1), class 1 at (2,0) and (2,2),
    /// class 2 at (5,5), with the stored logits below. Split `train`: the same
    /// features without logits, so they are computed.
    public static func handSolved(source: String = "hand.npz", alpha: Double? = nil) throws -> Run {
        let features: [[Double]] = [[1, 1], [-1, 1], [2, 0], [2, 2], [5, 5]]
        let labels = [0, 0, 1, 1, 2]
        let logits: [[Double]] = [[3, 1, 2], [0, 0, 0], [4, 2, 0], [-1, 1, -3], [1, 1, 1]]
        return try run(
            source: source, weight: [[0, 0], [2, 0], [0, 2]], bias: [0, 0, 2], names: ["cat", "dog", "owl"],
            alpha: alpha,
            splits: [SplitData(name: "train", features: features, labels: labels),
                     SplitData(name: "val", features: features, labels: labels, logits: logits)])
    }

    /// The hand-solved run as `hard` (no α) and as `smoothed` (stored α = 0.1), on train and val,
    /// with the triplets (0, 1, 2) given and (2, 0, 1) as the similar one.
    public static func handComparison(includeBias: Bool = true) throws -> Comparison {
        try Comparison(
            runs: [ComparedRun(label: "hard", run: try handSolved(source: "hard.npz")),
                   ComparedRun(label: "smoothed", run: try handSolved(source: "smoothed.npz", alpha: 0.1))],
            splits: ["train", "val"],
            triplets: [ComparedTriplet(kind: .given, triplet: Triplet(0, 1, 2)),
                       ComparedTriplet(kind: .similar, triplet: Triplet(2, 0, 1))],
            includeBias: includeBias)
    }
}
