import PenvizCore

/// One run's information erasure (DESIGN.md §3; the paper's Section 4): the
/// N×L differences `f_{x,l} = z_{x,l,a} − z_{x,l,b}` of its augmented logits for
/// classes a and b, and the estimate Î of I(X;Y) they give, between 0 and ln N.
///
/// Every example in the array is used, whatever its label. When the run also
/// stored the examples' labels (under `KEY_labels`, as the example runs do),
/// they are kept to colour the figure.
///
/// ```swift
/// let hard = try RunErasure(label: "hard", run: run, key: "train_logits_aug", classA: 0, classB: 6)
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
    /// `f_{x,l}`, one row per example, one column per pass.
    public let differences: Matrix
    /// Î, ln N, σ², N and L.
    public let estimate: InformationErasure
    /// Each example's class id, when the run stored them; nil otherwise.
    public let exampleLabels: [Int]?

    /// The erasure of classes `classA` and `classB` in the augmented logits
    /// stored under `key` in `run`, with `alpha` (default: the α the run stored)
    /// and, optionally, the examples' stored labels.
    ///
    /// - Throws: ``PenvizError`` (input) naming the file and key when the run has
    ///   no such array (listing the augmented keys it has), when a difference is
    ///   not finite, when the labels do not match the examples, or when σ² = 0
    ///   (L = 1, say) leaves Î undefined; (usage) when the classes are not two
    ///   distinct classes of the run.
    public init(
        label: String, run: Run, alpha: Double? = nil, key: String, classA a: Int, classB b: Int,
        exampleLabels: NamedArray? = nil
    ) throws {
        guard let logits = run.augmentedLogits[key] else {
            let available = run.augmentedLogits.keys.sorted()
            throw PenvizError.input(
                run.source, key: key,
                "no such augmented logits; "
                    + (available.isEmpty
                        ? "the run has none (save the N×L×K logits of L augmented passes as S_logits_aug)"
                        : "the run has \(available.joined(separator: ", "))"))
        }
        let differences = try InformationErasure.logitDifferences(augmentedLogits: logits, classA: a, classB: b)
        try logits.verifyStorage()
        if let bad = differences.values.firstIndex(where: { !$0.isFinite }) {
            throw PenvizError.input(
                run.source, key: key,
                "example \(bad / differences.columns), pass \(bad % differences.columns): z_a − z_b is not finite")
        }
        do {
            estimate = try InformationErasure(differences: differences)
        } catch let error as PenvizError {
            throw PenvizError.input(run.source, key: key, error.message)
        }
        self.exampleLabels = try exampleLabels.map {
            try Self.checkedLabels($0, file: run.source, examples: differences.rows, classes: run.classCount)
        }
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
