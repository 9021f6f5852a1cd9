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
        let groups: [(lower: Double, upper: Double, members: ArraySlice<Int>)]
        switch binning {
        case .width:
            var members = [[Int]](repeating: [], count: binCount)
            for index in sample {
                members[CalibrationBins.widthBin(of: confidences[index], binCount: binCount)].append(index)
            }
            // edges e_{m−1}, e_m with e_m = Double(m)/Double(M)
            groups = members.enumerated().map { m, members in
                (Double(m) / Double(binCount), Double(m + 1) / Double(binCount), members[...])
            }
        case .mass:
            let ranges = CalibrationBins.massGroups(
                sortedConfidence: { confidences[sample[$0]] }, count: sample.count, binCount: binCount)
            groups = ranges.enumerated().map { g, range in
                let lower = g == 0 ? 0 : confidences[sample[ranges[g - 1].upperBound - 1]]
                let upper = g == ranges.count - 1 ? 1 : confidences[sample[range.upperBound - 1]]
                return (lower, upper, sample[range])
            }
        }

        let n = Double(sample.count)
        var ece = 0.0, mce = 0.0
        bins = groups.map { group in
            guard !group.members.isEmpty else {
                return Bin(lower: group.lower, upper: group.upper, count: 0, accuracy: nil, confidence: nil, gap: nil)
            }
            let size = Double(group.members.count)
            var confidenceSum = CompensatedSum(), correctCount = 0
            for index in group.members {
                confidenceSum.add(confidences[index])
                if correct[index] { correctCount += 1 }
            }
            // acc(B) = (1/|B|) Σ 1[correct],  conf(B) = (1/|B|) Σ conf
            let accuracy = Double(correctCount) / size
            let confidence = confidenceSum.value / size
            // ECE += |B|/n · |acc(B) − conf(B)|;  MCE = max |acc(B) − conf(B)|
            ece += size / n * abs(accuracy - confidence)
            mce = max(mce, abs(accuracy - confidence))
            return Bin(
                lower: group.lower, upper: group.upper, count: group.members.count,
                accuracy: accuracy, confidence: confidence, gap: confidence - accuracy)
        }
        self.binning = binning
        self.ece = ece
        self.mce = mce
    }

    /// The indices of `confidences` in ascending order, equal values in index
    /// order (a stable sort, made explicit by sorting on (confidence, index)).
    static func ascendingOrder(_ confidences: [Double]) -> [Int] {
        confidences.indices.sorted { (confidences[$0], $0) < (confidences[$1], $1) }
    }
}
