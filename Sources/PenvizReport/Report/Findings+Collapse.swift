import PenvizAnalysis

extension Findings {
    /// What changed in neural collapse from the first run to another: on how many of
    /// the figures the later run is more collapsed (smaller), NC1 and the equiangularity
    /// with their values, and the figures that moved the other way.
    ///
    /// "The smoothed run's penultimate layer is more collapsed than the hard run's on 6 of 8 figures: nc1, the
    /// within-class spread against the spread of the class means, is 1.99× lower (0.273 against 0.544), and
    /// nc2_equiangular is 1.34× lower (0.355 against 0.475); nc3 is higher (1.10 against 0.750)."
    public static func collapse(from first: (run: String, statistics: NeuralCollapse), to other: (run: String, statistics: NeuralCollapse)) -> String {
        let pairs = zip(first.statistics.figures, other.statistics.figures).compactMap { a, b -> (key: String, from: Double, to: Double)? in
            guard let from = a.value, let to = b.value else { return nil }
            return (a.key, from, to)
        }
        guard !pairs.isEmpty else {
            return "Neither \(the(first.run)) nor \(the(other.run)) has two classes with examples, so neither has neural-collapse figures."
        }
        let lower = pairs.filter { if case .lower = Direction(from: $0.from, to: $0.to) { true } else { false } }
        let higher = pairs.filter { if case .higher = Direction(from: $0.from, to: $0.to) { true } else { false } }
        let subject = capitalized(theRuns(other.run)) + " penultimate layer is"
        let verdict: String
        switch (lower.count, higher.count) {
        case (let l, let h) where l > h: verdict = "\(subject) more collapsed than \(theRuns(first.run)) on \(l) of \(pairs.count) figures"
        case (let l, let h) where h > l: verdict = "\(subject) less collapsed than \(theRuns(first.run)) on \(h) of \(pairs.count) figures"
        default: verdict = "\(subject) about as collapsed as \(theRuns(first.run)): \(lower.count) of \(pairs.count) figures are lower, \(higher.count) higher"
        }
        func clause(_ key: String, _ gloss: String) -> String? {
            guard let pair = pairs.first(where: { $0.key == key }) else { return nil }
            let values = "(\(ReportNumber.significant(pair.to)) against \(ReportNumber.significant(pair.from)))"
            switch Direction(from: pair.from, to: pair.to) {
            case .same: return "\(key)\(gloss) is about the same \(values)"
            case .lower(let factor): return "\(key)\(gloss) is \(factorPrefix(factor))lower \(values)"
            case .higher(let factor): return "\(key)\(gloss) is \(factorPrefix(factor))higher \(values)"
            }
        }
        let details = [clause("nc1", ", the within-class spread against the spread of the class means,"), clause("nc2_equiangular", "")]
            .compactMap { $0 }
        let against = lower.count >= higher.count ? higher : lower
        let exceptions = against.filter { $0.key != "nc1" && $0.key != "nc2_equiangular" }.map { pair in
            "\(pair.key) is \(lower.count >= higher.count ? "higher" : "lower") (\(ReportNumber.significant(pair.to)) against \(ReportNumber.significant(pair.from)))"
        }
        return verdict + ": " + list(details) + (exceptions.isEmpty ? "" : "; " + list(exceptions)) + "."
    }

    /// One run's collapse against its own yardsticks: NC1 against 0, full collapse, and
    /// the share of examples its classifier assigns to another class than their nearest mean.
    ///
    /// "The hard run's within-class spread is 0.544 of the spread of its class means (nc1; 0 is full collapse),
    /// and 8.44 % of its examples are predicted as another class than their nearest class mean (nc4)."
    public static func collapse(of run: (run: String, statistics: NeuralCollapse)) -> String {
        guard let nc1 = run.statistics.nc1, let nc4 = run.statistics.nc4 else {
            return capitalized(theRuns(run.run)) + " split has fewer than two classes with examples: it has no neural-collapse figures."
        }
        return capitalized(theRuns(run.run)) + " within-class spread is \(ReportNumber.significant(nc1)) of the spread of its class"
            + " means (nc1; 0 is full collapse), and \(ReportNumber.percent(nc4)) of its examples are predicted as another class than"
            + " their nearest class mean (nc4)."
    }
}
