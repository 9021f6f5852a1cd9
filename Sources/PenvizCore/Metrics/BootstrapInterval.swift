/// A percentile bootstrap interval for the ECE (DESIGN.md §3): B resamples of
/// the examples, drawn with replacement, each giving an ECE with the same bins;
/// the interval runs from the 2.5 % to the 97.5 % percentile of those B values.
public struct BootstrapInterval: Codable, Sendable, Equatable {
    /// The 2.5 % percentile.
    public let lower: Double
    /// The 97.5 % percentile.
    public let upper: Double
    /// Number of resamples, B.
    public let resamples: Int
    /// The seed the resamples were drawn from.
    public let seed: UInt64

    /// The interval for the ECE of `confidences` and `correct`, with `binCount`
    /// bins and `binning`, from `resamples` resamples seeded by `seed`.
    ///
    /// Resample b draws its n indices with ``SeededGenerator/next(below:)`` from a
    /// generator seeded with the b-th output of `SeededGenerator(seed: seed)`, so
    /// the result depends on the seed only, not on the thread count.
    /// Percentiles interpolate linearly between order statistics, like NumPy's
    /// default: the q-quantile of sorted `v_0 … v_{B−1}` is
    /// `v_⌊h⌋ + (h − ⌊h⌋)(v_⌊h⌋+1 − v_⌊h⌋)` with `h = (B − 1)q`.
    public init(
        confidences: [Double], correct: [Bool], binCount: Int = 15, binning: CalibrationBinning = .width,
        resamples: Int = 200, seed: UInt64 = 0
    ) {
        precondition(resamples >= 1, "BootstrapInterval: needs at least one resample")
        precondition(!confidences.isEmpty, "BootstrapInterval: needs at least one example")
        let n = confidences.count
        // Resamples are listed in ascending confidence, as equal-mass binning needs.
        let order = ReliabilityDiagram.ascendingOrder(confidences)
        var master = SeededGenerator(seed: seed)
        let seeds = (0..<resamples).map { _ in master.next() }
        // Everything a resample reads, laid out in ascending confidence so that a
        // resample walks memory in order; `rank[i]` is example i's place in it.
        let rank = order.indices.reduce(into: [Int](repeating: 0, count: n)) { rank, place in rank[order[place]] = place }
        let sortedConfidence = order.map { confidences[$0] }
        let sortedCorrect = order.map { correct[$0] }
        // Equal-width bins do not depend on the sample, and in ascending order each
        // is a run of places: bin m holds places binPlaces[m].
        let sortedBin = binning == .width
            ? sortedConfidence.map { CalibrationBins.widthBin(of: $0, binCount: binCount) } : []
        let binPlaces = (0..<binCount).map { m in
            (sortedBin.firstIndex { $0 >= m } ?? n)..<(sortedBin.firstIndex { $0 > m } ?? n)
        }
        let values = RowBlocks.concurrentMap(count: resamples) { b in
            var generator = SeededGenerator(seed: seeds[b])
            // How often each example (by its place in ascending order) is drawn.
            var multiplicity = [Int32](repeating: 0, count: n)
            for _ in 0..<n { multiplicity[rank[generator.next(below: n)]] += 1 }
            switch binning {
            case .width:
                // Each drawn example enters its bin as often as it was drawn, in
                // ascending confidence: the sums ReliabilityDiagram would form.
                let totals = binPlaces.map { places in
                    var totals = BinTotals()
                    for place in places {
                        for _ in 0..<multiplicity[place] {
                            totals.add(confidence: sortedConfidence[place], correct: sortedCorrect[place])
                        }
                    }
                    return totals
                }
                return ReliabilityDiagram.errors(totals, exampleCount: n).ece
            case .mass:
                var sample: [Int] = []
                sample.reserveCapacity(n)
                for place in 0..<n {
                    for _ in 0..<multiplicity[place] { sample.append(order[place]) }
                }
                return ReliabilityDiagram(
                    confidences: confidences, correct: correct, sample: sample, binCount: binCount, binning: binning
                ).ece
            }
        }.sorted()
        lower = Self.percentile(ofSorted: values, 0.025)
        upper = Self.percentile(ofSorted: values, 0.975)
        self.resamples = resamples
        self.seed = seed
    }

    /// The interval for the ECE of top-label `predictions`.
    public init(
        predictions: TopLabelPredictions, binCount: Int = 15, binning: CalibrationBinning = .width,
        resamples: Int = 200, seed: UInt64 = 0
    ) {
        self.init(
            confidences: predictions.confidences, correct: predictions.isCorrect, binCount: binCount,
            binning: binning, resamples: resamples, seed: seed)
    }

    /// The q-quantile (0 ≤ q ≤ 1) of ascending `values`, by linear interpolation.
    static func percentile(ofSorted values: [Double], _ q: Double) -> Double {
        // h = (B − 1) q;  v_⌊h⌋ + (h − ⌊h⌋)(v_⌊h⌋+1 − v_⌊h⌋)
        let h = Double(values.count - 1) * q
        let below = Int(h.rounded(.down))
        guard below + 1 < values.count else { return values[values.count - 1] }
        return values[below] + (h - Double(below)) * (values[below + 1] - values[below])
    }
}
