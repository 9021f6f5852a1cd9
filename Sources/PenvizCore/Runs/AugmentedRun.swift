/// What information erasure reads from a run: its logits of augmented passes,
/// with the class names and α. No final layer or features are needed, so a file
/// that holds only `train_logits_aug` is enough.
///
/// Built, and checked, by ``init(source:name:classNames:labelSmoothing:logits:labels:)``:
/// K comes from the class names when stored, else from the arrays' last axis,
/// which must agree.
public struct AugmentedRun: ClassNaming, Sendable {
    /// The file or folder the run came from.
    public let source: String
    /// A short name for titles.
    public let name: String
    /// K class names (ids as text when none were stored).
    public let classNames: [String]
    /// The run's label smoothing α, when it stored one.
    public let labelSmoothing: Double?
    /// N×L×K logits of augmented passes, by key (`train_logits_aug`).
    public let logits: [String: ArrayView]
    /// The augmented examples' stored class ids, by the key of their logits; unchecked
    /// (``RunErasure`` checks them against N and K).
    public let labels: [String: NamedArray]

    /// Number of classes, K.
    public var classCount: Int { classNames.count }

    /// Checks the arrays found in a file and builds the run.
    ///
    /// - Parameters:
    ///   - classNames: the stored names and where they came from, when any.
    ///   - logits: the N×L×K arrays; at least one.
    ///   - labels: the examples' class ids for some of those arrays, by the logits' key.
    /// - Throws: ``PenvizError`` (input) naming the file and key when there are no
    ///   augmented logits, when one is not N×L×K, when the arrays disagree on K or
    ///   with the class names, and for bad class names or `label_smoothing`.
    public init(
        source: String, name: String, classNames: (origin: String, names: [String])?, labelSmoothing: NamedArray?,
        logits: [NamedArray], labels: [String: NamedArray]
    ) throws {
        guard let first = logits.first else {
            throw PenvizError.input(
                source, "no augmented logits found (the N×L×K logits of L augmented passes per example, saved as S_logits_aug)")
        }
        let classes = classNames?.names.count ?? first.array.shape.last ?? 0
        let origin = classNames.map { "the \($0.names.count) class names of \($0.origin)" } ?? "\(first.key)"
        var checked: [String: ArrayView] = [:]
        for stored in logits {
            do {
                checked[stored.key] = try RunChecks.augmentedLogits(stored, classes: classes, file: source)
            } catch let error as PenvizError where stored.array.shape.count == 3 {
                throw PenvizError(error.kind, error.message + " (K from \(origin))")
            }
        }
        self.classNames = try classNames.map { try RunChecks.classNames($0.names, origin: $0.origin, classes: classes, file: source) }
            ?? (0..<classes).map { String($0) }
        self.labelSmoothing = try labelSmoothing.map { try RunChecks.labelSmoothing($0, file: source) }
        self.source = source
        self.name = name
        self.logits = checked
        self.labels = labels
    }
}
