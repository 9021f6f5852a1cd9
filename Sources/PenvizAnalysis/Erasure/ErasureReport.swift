/// Everything `penviz erasure` measures, in the shape of its `--metrics` JSON.
///
/// The schema is stable: every key below is present in every file, undefined
/// values are `null` (see ``NullEncoded``), and a change that renames or removes
/// a key raises ``schemaVersion``:
///
/// ```text
/// schema_version  1
/// key             the augmented logits used, such as "train_logits_aug"
/// classes         [{id, name}, {id, name}]: classes a and b, f = z_a − z_b
/// runs            [RunEntry], in command-line order
/// ```
public struct ErasureReport: Codable, Equatable, Sendable {
    /// The version this build writes. Files with another version may differ in keys.
    public static let currentSchemaVersion = 1

    /// One of the two classes.
    public struct ClassEntry: Codable, Equatable, Sendable {
        /// The class id.
        public var id: Int
        /// The class name.
        public var name: String

        /// A class from its parts.
        public init(id: Int, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// One run's estimate (DESIGN.md §3).
    ///
    /// ```text
    /// label        the run's label (--labels, default the file name without extension)
    /// source       the file or folder it was read from
    /// alpha        label smoothing α (--label-smoothing, else the run's stored label_smoothing), or null
    /// n            N, the number of examples the estimate used
    /// examples     the examples in the array: N, or more when the estimate used a seeded sample of N
    /// passes       L, the augmented passes per example
    /// information  Î in nats, 0 ≤ Î ≤ ln N: how well z_a − z_b still tells the examples apart
    /// ln_n         ln N, Î's upper bound
    /// variance     σ², the pooled within-example variance of z_a − z_b; null past Float64
    /// ```
    public struct RunEntry: Codable, Equatable, Sendable {
        /// The run's label.
        public var label: String
        /// The file or folder the run came from.
        public var source: String
        /// The run's label smoothing α; nil when unknown.
        @NullEncoded public var alpha: Double?
        /// Number of examples the estimate used, N.
        public var count: Int
        /// Number of examples in the array: `count`, or more when a sample was used.
        public var examples: Int
        /// Augmented passes per example, L.
        public var passes: Int
        /// The estimate Î, in nats.
        public var information: Double
        /// ln N.
        public var lnN: Double
        /// σ², or nil when it exceeds Float64 (differences near 1e300).
        @NullEncoded public var variance: Double?

        /// The entry of a run's erasure.
        public init(_ run: RunErasure) {
            label = run.label
            source = run.source
            alpha = run.alpha
            count = run.estimate.exampleCount
            examples = run.arrayExamples
            passes = run.estimate.passCount
            information = run.estimate.information
            lnN = run.estimate.maximum
            variance = run.estimate.variance.isFinite ? run.estimate.variance : nil
        }

        private enum CodingKeys: String, CodingKey {
            case label, source, alpha
            case count = "n"
            case examples, passes, information
            case lnN = "ln_n"
            case variance
        }
    }

    /// The schema version of this document.
    public var schemaVersion: Int
    /// The key of the augmented logits.
    public var key: String
    /// Classes a and b.
    public var classes: [ClassEntry]
    /// The runs, in command-line order.
    public var runs: [RunEntry]

    /// The document of `runs`, all measured on the same key and classes, named by `classNames` (all K).
    public init(runs: [RunErasure], classNames: [String]) {
        precondition(!runs.isEmpty, "ErasureReport: needs at least one run")
        schemaVersion = Self.currentSchemaVersion
        key = runs[0].key
        classes = runs[0].classIDs.map { ClassEntry(id: $0, name: classNames[$0]) }
        self.runs = runs.map(RunEntry.init)
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case key, classes, runs
    }
}
