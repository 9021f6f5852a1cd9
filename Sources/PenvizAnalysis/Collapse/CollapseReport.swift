/// Everything `penviz collapse` measures, in the shape of its `--metrics` JSON.
///
/// The schema is stable: every key below is present in every file, undefined
/// values are `null` (see ``NullEncoded``), and a change that renames or removes
/// a key raises ``schemaVersion``:
///
/// ```text
/// schema_version  1
/// max_rows        the rows measured at most a split; past it a seeded stratified sample
/// runs            [RunEntry], in command-line order
/// ```
public struct CollapseReport: Codable, Equatable, Sendable {
    /// The version this build writes. Files with another version may differ in keys.
    public static let currentSchemaVersion = 1

    /// One run's figures: `label`, `source` and `alpha` beside the keys of ``SplitCollapse``.
    ///
    /// ```text
    /// label   the run's label (--labels, default the file name without extension)
    /// source  the file or folder it was read from
    /// alpha   label smoothing α (--alpha, else the run's stored label_smoothing), or null
    /// split, examples, n, classes, nc1 … cdnv   as in SplitCollapse
    /// ```
    public struct RunEntry: Codable, Equatable, Sendable {
        /// The run's label.
        public var label: String
        /// The file or folder the run came from.
        public var source: String
        /// The run's label smoothing α; nil when unknown.
        @NullEncoded public var alpha: Double?
        /// The split measured and its figures.
        public var measured: SplitCollapse

        /// The entry of a run's collapse.
        public init(_ run: RunCollapse) {
            self.init(label: run.label, source: run.source, alpha: run.alpha, measured: run.measured)
        }

        /// An entry from its parts.
        public init(label: String, source: String, alpha: Double?, measured: SplitCollapse) {
            self.label = label
            self.source = source
            self.alpha = alpha
            self.measured = measured
        }

        private enum CodingKeys: String, CodingKey {
            case label, source, alpha
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            label = try container.decode(String.self, forKey: .label)
            source = try container.decode(String.self, forKey: .source)
            _alpha = try container.decode(NullEncoded<Double>.self, forKey: .alpha)
            measured = try SplitCollapse(from: decoder)
        }

        /// One JSON object: the run's keys beside the measurement's.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(label, forKey: .label)
            try container.encode(source, forKey: .source)
            try container.encode(_alpha, forKey: .alpha)
            try measured.encode(to: encoder)
        }
    }

    /// The schema version of this document.
    public var schemaVersion: Int
    /// The most rows measured a split.
    public var maxRows: Int
    /// The runs, in command-line order.
    public var runs: [RunEntry]

    /// The document of `runs`, measured on at most `maxRows` rows each.
    public init(runs: [RunCollapse], maxRows: Int) {
        schemaVersion = Self.currentSchemaVersion
        self.maxRows = maxRows
        self.runs = runs.map(RunEntry.init)
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case maxRows = "max_rows"
        case runs
    }
}

extension ComparisonMetrics {
    /// Each compared run's neural collapse, as `penviz collapse` lists it.
    public var collapseEntries: [CollapseReport.RunEntry] {
        runs.map { CollapseReport.RunEntry(label: $0.label, source: $0.source, alpha: $0.alpha, measured: $0.collapse) }
    }
}
