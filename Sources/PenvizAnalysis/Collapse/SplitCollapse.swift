/// The neural-collapse statistics of one split of a run, with the rows they were
/// measured on, as `penviz collapse` and `penviz compare` write them to JSON:
///
/// ```text
/// split                 the split measured (default: train when the run has it, else its first)
/// examples              the rows in the split
/// n                     the rows measured: all of them, or a seeded stratified sample of --max-rows
/// classes               K', the classes with examples among them
/// nc1                   Tr(Σ_W Σ_B⁺)/K': within-class spread against the spread of the class means
/// nc2_equinorm_means    std/mean of ‖μ_k − μ_G‖: class means equally far from their centre
/// nc2_equinorm_weights  std/mean of ‖w_k‖: classifier rows of equal length
/// nc2_equiangular       std of cos(m_k, m_l) over pairs: class means equally spread in angle
/// nc2_max_angle         mean of |cos(m_k, m_l) + 1/(K' − 1)|: how far from a simplex's angles
/// nc3                   ‖W_P/‖W_P‖_F − M/‖M‖_F‖²_F: classifier rows against the centred means
/// nc4                   the share of rows whose prediction is not their nearest class mean
/// cdnv                  mean over pairs of (σ_k² + σ_l²)/(2‖μ_k − μ_l‖²)
/// ```
///
/// Every figure is null when fewer than two classes have examples. Smaller is more collapsed.
public struct SplitCollapse: Codable, Equatable, Sendable {
    /// The split's name.
    public var split: String
    /// Rows in the split.
    public var examples: Int
    /// The statistics, over ``NeuralCollapse/n`` of the rows.
    public var statistics: NeuralCollapse

    /// A measurement from its parts.
    public init(split: String, examples: Int, statistics: NeuralCollapse) {
        self.split = split
        self.examples = examples
        self.statistics = statistics
    }

    /// True when the statistics are of a sample, not of every row.
    public var isSample: Bool { statistics.n < examples }

    private enum CodingKeys: String, CodingKey {
        case split, examples
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        split = try container.decode(String.self, forKey: .split)
        examples = try container.decode(Int.self, forKey: .examples)
        statistics = try NeuralCollapse(from: decoder)
    }

    /// One JSON object: `split` and `examples` beside the statistics' keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(split, forKey: .split)
        try container.encode(examples, forKey: .examples)
        try statistics.encode(to: encoder)
    }
}
