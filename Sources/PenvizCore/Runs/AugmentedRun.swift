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
    /// Logits of augmented passes, by key (`train_logits_aug`): N×L×K, or L×N×K as ``layouts`` says.
    public let logits: [String: ArrayView]
    /// The layout of each array of ``logits``, by key.
    public let layouts: [String: AugmentedLayout]
    /// Things the user should know: an array read as L×N×K because its labels say so.
    public let notes: [String]
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
    ///   - layout: the layout of every array (`--layout`); nil to tell it from the
    ///     labels and the shape (``AugmentedLayout``).
    /// - Throws: ``PenvizError`` (input) naming the file and key when there are no
    ///   augmented logits, when one is not N×L×K, when the arrays disagree on K or
    ///   with the class names, when the layout cannot be told, and for bad class
    ///   names or `label_smoothing`.
    public init(
        source: String, name: String, classNames: (origin: ClassNamesOrigin, names: [String])?, labelSmoothing: NamedArray?,
        logits: [NamedArray], labels: [String: NamedArray], layout: AugmentedLayout? = nil
    ) throws {
        guard let first = logits.first else {
            throw PenvizError.input(
                source, "no augmented logits found (the N×L×K logits of L augmented passes per example, saved as S_logits_aug)")
        }
        let classes = classNames?.names.count ?? first.array.shape.last ?? 0
        let origin = classNames.map { "the \($0.names.count) class names of \($0.origin)" } ?? "\(first.key)"
        var checked: [String: ArrayView] = [:], layouts: [String: AugmentedLayout] = [:], notes: [String] = []
        for stored in logits {
            do {
                checked[stored.key] = try RunChecks.augmentedLogits(stored, classes: classes, file: source)
            } catch let error as PenvizError where stored.array.shape.count == 3 {
                throw PenvizError(error.kind, error.message + " (K from \(origin))")
            }
            let found = try AugmentedLayout.of(
                shape: stored.array.shape, labels: labels[stored.key].map(\.array.count), given: layout, file: source, key: stored.key)
            if found == .passesFirst, layout == nil {
                notes.append(
                    "\(source): key '\(stored.key)' read as L×N×K, \(found.reading(stored.array.shape)), since its labels number"
                        + " \(found.examples(stored.array.shape)) examples (--layout NLK reads it the other way)")
            }
            layouts[stored.key] = found
        }
        self.classNames = try classNames.map {
            try RunChecks.classNames($0.names, origin: $0.origin, classes: classes, file: source, notes: &notes)
        }
            ?? (0..<classes).map { String($0) }
        self.labelSmoothing = try labelSmoothing.map { try RunChecks.labelSmoothing($0, file: source) }
        self.source = source
        self.name = name
        self.logits = checked
        self.layouts = layouts
        self.notes = notes
        self.labels = labels
    }
}
