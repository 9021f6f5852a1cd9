/// Accuracy against confidence, bin by bin, with the calibration errors it
/// summarises (DESIGN.md §3; Guo et al. 2017):
///
///     ECE = Σ_m |B_m|/n · |acc(B_m) − conf(B_m)|,   MCE = max over non-empty bins of |acc(B_m) − conf(B_m)|
///
/// Each bin covers the confidences `lower < conf ≤ upper` (the first bin also
/// holds 0). Equal-width bins are all listed, empty ones with null statistics.
/// Equal-mass groups are listed when non-empty; their edges are chosen to
/// partition [0, 1] too: a group's upper edge is its largest confidence (1 for
/// the last group) and its lower edge the previous group's upper edge (0 for the first).
public struct ReliabilityDiagram: Codable, Sendable, Equatable {
    /// One bin of the diagram.
    public struct Bin: Codable, Sendable, Equatable {
        /// The bin holds confidences above this edge (and 0 when this is 0)…
        public let lower: Double
        /// …up to and including this one.
        public let upper: Double
        /// How many examples fall in the bin.
        public let count: Int
        /// Fraction of the bin's examples predicted correctly; nil when empty.
        public let accuracy: Double?
        /// Mean confidence of the bin's examples; nil when empty.
        public let confidence: Double?
        /// `confidence − accuracy` (positive: over-confident); nil when empty.
        public let gap: Double?
    }

    /// How the bins were formed.
    public let binning: CalibrationBinning
    /// The bins, in increasing confidence.
    public let bins: [Bin]
    /// Expected calibration error.
    public let ece: Double
    /// Maximum calibration error.
    public let mce: Double

    /// The diagram of `confidences` and whether each prediction was `correct`,
    /// with `binCount` bins (M, default 15).
    public init(confidences: [Double], correct: [Bool], binCount: Int = 15, binning: CalibrationBinning = .width) {
        let order = binning == .mass ? Self.ascendingOrder(confidences) : Array(confidences.indices)
        self.init(confidences: confidences, correct: correct, sample: order, binCount: binCount, binning: binning)
    }

    /// The diagram of top-label `predictions`.
    public init(predictions: TopLabelPredictions, binCount: Int = 15, binning: CalibrationBinning = .width) {
        self.init(confidences: predictions.confidences, correct: predictions.isCorrect, binCount: binCount, binning: binning)
    }

    /// The diagram of the examples `sample` lists (indices into `confidences`;
    /// repeats allowed, as in a bootstrap resample). For equal-mass binning the
    /// sample must be in ascending confidence.
    init(confidences: [Double], correct: [Bool], sample: [Int], binCount: Int, binning: CalibrationBinning) {
        precondition(confidences.count == correct.count, "ReliabilityDiagram: \(confidences.count) confidences, \(correct.count) outcomes")
        precondition(binCount >= 1, "ReliabilityDiagram: needs at least one bin")
        precondition(!sample.isEmpty, "ReliabilityDiagram: needs at least one example")
        let groups: [(lower: Double, upper: Double, totals: BinTotals)]
        switch binning {
        case .width:
            var totals = [BinTotals](repeating: BinTotals(), count: binCount)
            for index in sample {
                totals[CalibrationBins.widthBin(of: confidences[index], binCount: binCount)]
                    .add(confidence: confidences[index], correct: correct[index])
            }
            // edges e_{m−1}, e_m with e_m = Double(m)/Double(M)
            groups = totals.enumerated().map { m, totals in
                (Double(m) / Double(binCount), Double(m + 1) / Double(binCount), totals)
            }
        case .mass:
            let ranges = CalibrationBins.massGroups(
                sortedConfidence: { confidences[sample[$0]] }, count: sample.count, binCount: binCount)
            groups = ranges.enumerated().map { g, range in
                let lower = g == 0 ? 0 : confidences[sample[ranges[g - 1].upperBound - 1]]
                let upper = g == ranges.count - 1 ? 1 : confidences[sample[range.upperBound - 1]]
                var totals = BinTotals()
                for index in sample[range] { totals.add(confidence: confidences[index], correct: correct[index]) }
                return (lower, upper, totals)
            }
        }

        bins = groups.map { group in
            let totals = group.totals
            guard totals.count > 0 else {
                return Bin(lower: group.lower, upper: group.upper, count: 0, accuracy: nil, confidence: nil, gap: nil)
            }
            return Bin(
                lower: group.lower, upper: group.upper, count: totals.count,
                accuracy: totals.accuracy, confidence: totals.confidence, gap: totals.confidence - totals.accuracy)
        }
        (ece, mce) = Self.errors(groups.map(\.totals), exampleCount: sample.count)
        self.binning = binning
    }

    /// ECE and MCE of bins with `totals`, over `exampleCount` examples in all:
    /// `ECE = Σ_m |B_m|/n · |acc(B_m) − conf(B_m)|`, `MCE = max |acc(B_m) − conf(B_m)|`
    /// over the non-empty bins, summed in bin order.
    static func errors(_ totals: [BinTotals], exampleCount: Int) -> (ece: Double, mce: Double) {
        let n = Double(exampleCount)
        var ece = 0.0, mce = 0.0
        for bin in totals where bin.count > 0 {
            let error = abs(bin.accuracy - bin.confidence)
            ece += Double(bin.count) / n * error
            mce = max(mce, error)
        }
        return (ece, mce)
    }

    /// The indices of `confidences` in ascending order, equal values in index
    /// order (a stable sort, made explicit by sorting on (confidence, index)).
    static func ascendingOrder(_ confidences: [Double]) -> [Int] {
        confidences.indices.sorted { (confidences[$0], $0) < (confidences[$1], $1) }
    }
}

/// The running totals of the examples in one bin.
struct BinTotals {
    /// |B|, the examples added.
    private(set) var count = 0
    /// Σ conf over the bin.
    private var confidenceSum = CompensatedSum()
    /// Σ 1[correct] over the bin.
    private var correctCount = 0

    /// Adds one example.
    mutating func add(confidence: Double, correct: Bool) {
        count += 1
        confidenceSum.add(confidence)
        if correct { correctCount += 1 }
    }

    /// acc(B) = (1/|B|) Σ 1[correct]; the bin must not be empty.
    var accuracy: Double { Double(correctCount) / Double(count) }
    /// conf(B) = (1/|B|) Σ conf; the bin must not be empty.
    var confidence: Double { confidenceSum.value / Double(count) }
}
