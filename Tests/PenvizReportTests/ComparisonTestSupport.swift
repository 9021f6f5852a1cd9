import PenvizCore

/// Small runs built in memory for the comparison tests, checked by `Run(parts:)`
/// like any run read from a file, and the tolerance their checks use.
enum ComparisonTestSupport {
    /// True when `x` is present and agrees with `y` to 1e-12 relative (absolute near 0).
    static func close(_ x: Double?, _ y: Double) -> Bool {
        guard let x else { return false }
        return abs(x - y) <= 1e-12 * max(1, abs(y))
    }

    /// A float64 view of `values` with `shape`, C order.
    static func view(_ values: [Double], shape: [Int]) throws -> ArrayView {
        let bytes = values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
        return try ArrayView(shape: shape, dtype: .float64, storage: ByteStorage(copying: bytes))
    }

    /// One split: `features` rows of D values, `labels`, and optional logit rows.
    struct SplitData {
        var name: String
        var features: [[Double]]
        var labels: [Int]
        var logits: [[Double]]? = nil
    }

    /// A run from a K×D `weight`, K biases, class names and splits.
    static func run(
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
    static func handSolved(source: String = "hand.npz", alpha: Double? = nil) throws -> Run {
        let features: [[Double]] = [[1, 1], [-1, 1], [2, 0], [2, 2], [5, 5]]
        let labels = [0, 0, 1, 1, 2]
        let logits: [[Double]] = [[3, 1, 2], [0, 0, 0], [4, 2, 0], [-1, 1, -3], [1, 1, 1]]
        return try run(
            source: source, weight: [[0, 0], [2, 0], [0, 2]], bias: [0, 0, 2], names: ["cat", "dog", "owl"],
            alpha: alpha,
            splits: [SplitData(name: "train", features: features, labels: labels),
                     SplitData(name: "val", features: features, labels: labels, logits: logits)])
    }
}
