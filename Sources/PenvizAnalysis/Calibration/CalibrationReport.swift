import PenvizCore

/// Everything `penviz calibrate` measures, in the shape of its `--metrics` JSON.
///
/// The schema is stable: every key below is present in every file, undefined
/// values are `null` (see ``NullEncoded``), and a change that renames or removes
/// a key raises ``schemaVersion``. Keys are snake_case, as in DESIGN.md §3:
///
/// ```text
/// schema_version       1
/// bin_count            M, the number of bins asked for (--bins)
/// binning              "width" or "mass" (--binning)
/// bootstrap_resamples  B (--bootstrap); 0 when no intervals were drawn
/// seed                 the seed of the resamples (--seed)
/// runs                 [RunEntry], in command-line order
/// ```
///
/// Decode a file with `JSONDecoder` to read it back: encoding and decoding are
/// exact inverses.
public struct CalibrationReport: Codable, Equatable, Sendable {
    /// The version this build writes. Files with another version may differ in keys.
    public static let currentSchemaVersion = 1

    /// The schema version of this document.
    public var schemaVersion: Int
    /// The number of bins M asked for (equal-mass binning may list fewer).
    public var binCount: Int
    /// How confidences were binned.
    public var binning: CalibrationBinning
    /// Bootstrap resamples per ECE interval; 0 when none were drawn.
    public var bootstrapResamples: Int
    /// The seed of the resamples.
    public var seed: UInt64
    /// The runs, in command-line order.
    public var runs: [RunEntry]

    /// The document of `runs`, calibrated with `settings`.
    public init(settings: CalibrationSettings, runs: [RunCalibration]) {
        schemaVersion = Self.currentSchemaVersion
        binCount = settings.binCount
        binning = settings.binning
        bootstrapResamples = settings.resamples
        seed = settings.seed
        self.runs = runs.map(RunEntry.init)
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case binCount = "bin_count"
        case binning
        case bootstrapResamples = "bootstrap_resamples"
        case seed, runs
    }
}
