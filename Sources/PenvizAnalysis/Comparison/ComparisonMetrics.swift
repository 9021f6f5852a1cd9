/// Everything `penviz compare` measures, in the shape of its `--metrics` JSON.
///
/// The schema is stable: every key below is present in every file, undefined
/// values are `null` (see ``NullEncoded``), and a change that renames or removes
/// a key raises ``schemaVersion``. Keys are snake_case, as in DESIGN.md §3:
///
/// ```text
/// schema_version   1
/// includes_bias    true unless --no-bias: templates t_k = [w_k, b_k]
/// runs             [RunMetrics]      per run, with its per-split metrics
/// triplets         [TripletMetrics]  per figure row, with its per-panel metrics
/// ```
///
/// Decode a file with `JSONDecoder` to read it back: encoding and decoding are
/// exact inverses.
public struct ComparisonMetrics: Codable, Equatable, Sendable {
    /// The version this build writes. Files with another version may differ in keys.
    public static let currentSchemaVersion = 1

    /// The schema version of this document.
    public var schemaVersion: Int
    /// True when templates carry the bias and examples the appended 1 (the paper's
    /// default); false with `--no-bias`. Applies to the planes, `distance_cv` and
    /// the automatic triplets.
    public var includesBias: Bool
    /// The compared runs, in command-line order.
    public var runs: [RunMetrics]
    /// The triplets, in figure-row order.
    public var triplets: [TripletMetrics]

    /// A document of the current schema version.
    public init(includesBias: Bool, runs: [RunMetrics], triplets: [TripletMetrics]) {
        schemaVersion = Self.currentSchemaVersion
        self.includesBias = includesBias
        self.runs = runs
        self.triplets = triplets
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case includesBias = "includes_bias"
        case runs, triplets
    }
}
