import PenvizCore

/// One run's information erasure (DESIGN.md §3; the paper's Section 4): the
/// N×L differences `f_{x,l} = z_{x,l,a} − z_{x,l,b}` of its augmented logits for
/// classes a and b, and the estimate Î of I(X;Y) they give, between 0 and ln N.
///
/// Every example in the array is used, whatever its label, up to a budget: the
/// estimate costs O(N²·L) exponentials (about 10 s for N = 20,000 and L = 5 on
/// two cores), so past `maxRows` examples (default ``defaultMaxRows``) it is taken
/// on a seeded sample of `maxRows` of them, drawn without replacement and kept in
/// array order; Î then lies in [0, ln M] for the M examples used. When the run
/// also stored the examples' labels (under `KEY_labels`, as the example runs do),
/// they are kept to colour the figure. Only the augmented logits are needed: the
/// run is an ``AugmentedRun``, no final layer or features.
///
/// ```swift
/// let hard = try RunErasure(label: "hard", run: augmented, key: "train_logits_aug", classA: 0, classB: 6)
/// print(hard.estimate.information, hard.estimate.maximum)   // Î and ln N
/// ```
public struct RunErasure: Sendable {
    /// The run's label in tables, figures and JSON.
    public let label: String
    /// The file or folder the run came from.
    public let source: String
    /// The run's label smoothing α; nil when unknown.
    public let alpha: Double?
    /// The key of the N×L×K augmented logits.
    public let key: String
    /// The two classes, a then b.
    public let classIDs: [Int]
    /// `f_{x,l}`, one row per example used, one column per pass.
    public let differences: Matrix
    /// Î, ln N, σ², N and L, over the examples used.
    public let estimate: InformationErasure
    /// Each used example's class id, when the run stored them; nil otherwise.
    public let exampleLabels: [Int]?
    /// The number of examples in the array: N, or more when a sample was used.
    public let arrayExamples: Int
    /// The examples used, in increasing index, when they are a sample; nil when all are.
    public let sampledExamples: [Int]?

    /// The examples the estimate takes by default: its O(N²·L) cost stays at seconds.
    public static let defaultMaxRows = 20_000
    /// The seed of the sample of examples.
    public static let sampleSeed: UInt64 = 0

    /// The erasure of classes `classA` and `classB` in the augmented logits
    /// stored under `key` in `run`, with `alpha` (default: the α the run stored),
    /// the examples' labels when the run stored them, and at most `maxRows`
    /// examples (one or more; a seeded sample when the array holds more).
    ///
    /// - Throws: ``PenvizError`` (input) naming the file and key when the run has
    ///   no such array (listing the augmented keys it has), when a difference is
    ///   not finite, when the labels do not match the examples, or when σ² = 0
    ///   (L = 1, say) leaves Î undefined; (usage) when the classes are not two
    ///   distinct classes of the run.
    public init(
        label: String, run: AugmentedRun, alpha: Double? = nil, key: String, classA a: Int, classB b: Int,
        maxRows: Int = RunErasure.defaultMaxRows
    ) throws {
        precondition(maxRows >= 1, "RunErasure: maxRows must be at least 1")
        guard let logits = run.logits[key] else {
            let available = run.logits.keys.sorted()
            throw PenvizError.input(run.source, key: key, "no such augmented logits; the run has \(available.joined(separator: ", "))")
        }
        let layout = run.layouts[key] ?? .examplesFirst
        let examples = logits.shape.count == 3 ? layout.examples(logits.shape) : 0
        var generator = SeededGenerator(seed: Self.sampleSeed)
        let sample = examples > maxRows ? generator.draw(maxRows, from: Array(0..<examples)).sorted() : nil
        let differences = try InformationErasure.logitDifferences(
            augmentedLogits: logits, classA: a, classB: b, rows: sample, layout: layout)
        try logits.verifyStorage()
        if let bad = differences.values.firstIndex(where: { !$0.isFinite }) {
            let example = sample?[bad / differences.columns] ?? bad / differences.columns
            throw PenvizError.input(
                run.source, key: key, "example \(example), pass \(bad % differences.columns): z_a − z_b is not finite")
        }
        do {
            estimate = try InformationErasure(differences: differences)
        } catch let error as PenvizError {
            throw PenvizError.input(run.source, key: key, error.message)
        }
        exampleLabels = try run.labels[key].map { stored in
            let labels = try Self.checkedLabels(stored, file: run.source, examples: examples, classes: run.classCount)
            return sample.map { $0.map { labels[$0] } } ?? labels
        }
        arrayExamples = examples
        sampledExamples = sample
        self.label = label
        source = run.source
        self.alpha = alpha ?? run.labelSmoothing
        self.key = key
        classIDs = [a, b]
        self.differences = differences
    }

    /// The labels as class ids, checked: N integral values in 0..<K.
    private static func checkedLabels(_ labels: NamedArray, file: String, examples: Int, classes: Int) throws -> [Int] {
        let array = labels.array
        guard array.dtype.isNumeric, array.shape.count == 1, array.count == examples else {
            throw PenvizError.input(
                file, key: labels.key, "labels of the augmented examples must be N = \(examples) class ids, got shape \(array.shape)")
        }
        return try (0..<examples).map { row in
            let value = array.double(atFlat: row)
            guard value.rounded() == value, value >= 0, value < Double(classes) else {
                throw PenvizError.input(file, key: labels.key, "label \(row) is \(value), not a class id in 0…\(classes - 1)")
            }
            return Int(value)
        }
    }
}
