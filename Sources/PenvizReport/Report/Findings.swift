/// Plain-language sentences read off the numbers, one per claim, for the lines
/// under the report's tables.
///
/// Every sentence compares a later run with the first (the reference, usually
/// the hard-target run) and is built from the values alone: it says which way
/// a number moved and by how much, in whichever direction it moved, and says
/// "about the same" when two values lie within ``Findings/sameWithin`` of each
/// other. Nothing in a sentence is written in advance of the numbers.
///
/// ```swift
/// Findings.wrongLogits(from: .init(run: "hard", value: 4.825), to: .init(run: "smoothed", value: 0.6125))
/// // "The smoothed run's wrong-class logits are 7.9× more uniform than the hard run's:
/// //  their spread fell from 4.83 to 0.613."
/// ```
public enum Findings {
    /// One run's value of a quantity.
    public struct Value: Equatable, Sendable {
        /// The run's label.
        public var run: String
        /// The value.
        public var value: Double

        /// A value from its parts.
        public init(run: String, value: Double) {
            self.run = run
            self.value = value
        }
    }

    /// Two positive values whose ratio lies within 1 ± this are "about the same".
    public static let sameWithin = 0.05

    /// An accuracy difference below this (a fraction: one percentage point) "changed little".
    public static let accuracyWithin = 0.01

    /// How a later value compares with a reference value.
    enum Direction: Equatable {
        /// Within ``Findings/sameWithin`` of the reference.
        case same
        /// Larger, `factor` times.
        case higher(factor: Double)
        /// Smaller, `factor` times.
        case lower(factor: Double)

        /// The direction from `reference` to `value`, both positive (otherwise compared by sign of the difference).
        init(from reference: Double, to value: Double) {
            guard reference > 0, value > 0 else {
                self = value == reference ? .same : (value > reference ? .higher(factor: .infinity) : .lower(factor: .infinity))
                return
            }
            let ratio = value / reference
            if abs(ratio - 1) < Findings.sameWithin {
                self = .same
            } else {
                self = ratio > 1 ? .higher(factor: ratio) : .lower(factor: 1 / ratio)
            }
        }
    }

    /// "the smoothed run"
    static func the(_ run: String) -> String { "the \(run) run" }

    /// "the smoothed run's"
    static func theRuns(_ run: String) -> String { "the \(run) run's" }

    /// "The smoothed run's" at the start of a sentence.
    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        items.count <= 2 ? items.joined(separator: " and ") : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// `7.9× ` for a finite factor; empty for an infinite one (a value from or to 0).
    static func factorPrefix(_ factor: Double) -> String {
        factor.isFinite ? ReportNumber.factor(factor) + " " : ""
    }

    /// Whether accuracy moved between two runs on `split`.
    ///
    /// "On val, accuracy changed little from the hard run to the smoothed run: 92.87 % and 93.46 % (+0.59 points)."
    public static func accuracy(split: String, from first: Value, to other: Value) -> String {
        let difference = other.value - first.value
        let values = "\(ReportNumber.percent(first.value)) and \(ReportNumber.percent(other.value))"
        if abs(difference) < accuracyWithin {
            return "On \(split), accuracy changed little from \(the(first.run)) to \(the(other.run)):"
                + " \(values) (\(ReportNumber.points(difference)))."
        }
        let verb = difference > 0 ? "rose" : "fell"
        return "On \(split), accuracy \(verb) by \(ReportNumber.points(abs(difference), signed: false)) from \(the(first.run))"
            + " to \(the(other.run)): \(values)."
    }

    /// How the logit gap moved, and how close it came to the gap label smoothing drives toward.
    ///
    /// "On val, the logit gap shrank 3.5× from 15.1 in the hard run to 4.31 in the smoothed run,
    /// close to the 4.51 that α = 0.1 drives it toward."
    ///
    /// - Parameters:
    ///   - target: `ls_gap` of the later run, nil when its α is unknown or 0.
    ///   - alpha: the later run's α, named beside the target.
    public static func logitGap(split: String, from first: Value, to other: Value, target: Double?, alpha: Double?) -> String {
        let values = "from \(ReportNumber.significant(first.value)) in \(the(first.run))"
            + " to \(ReportNumber.significant(other.value)) in \(the(other.run))"
        var sentence: String
        switch Direction(from: first.value, to: other.value) {
        case .same:
            sentence = "On \(split), the logit gap (true logit over the mean wrong one) hardly changed, \(values)"
        case .lower(let factor):
            sentence = "On \(split), the logit gap (true logit over the mean wrong one) shrank \(factorPrefix(factor))\(values)"
        case .higher(let factor):
            sentence = "On \(split), the logit gap (true logit over the mean wrong one) grew \(factorPrefix(factor))\(values)"
        }
        if let target, let alpha { sentence += ", " + towardTarget(other.value, target: target, alpha: alpha) }
        return sentence + "."
    }

    /// One run's logit gap against the gap its α drives toward: the finding of a report on a single run.
    /// Nil when α is unknown; a run of α = 0 is said to have no bound.
    ///
    /// "On val, the smoothed run's logit gap (true logit over the mean wrong one) is 4.31, close to the 4.51 that
    /// α = 0.1 drives it toward."
    public static func logitGap(split: String, of run: Value, target: Double?, alpha: Double?) -> String? {
        guard let alpha else { return nil }
        let sentence = "On \(split), \(theRuns(run.run)) logit gap (true logit over the mean wrong one) is"
            + " \(ReportNumber.significant(run.value))"
        guard let target, alpha > 0 else { return sentence + ": hard targets (α = 0) put no bound on it." }
        return sentence + ", " + towardTarget(run.value, target: target, alpha: alpha) + "."
    }

    /// "close to the 4.51 that α = 0.1 drives it toward" (within 15 %), else "still above …" or "below …".
    private static func towardTarget(_ value: Double, target: Double, alpha: Double) -> String {
        let drives = "the \(ReportNumber.significant(target)) that α = \(ReportNumber.parameter(alpha)) drives it toward"
        let distance = (value - target) / target
        if abs(distance) <= 0.15 { return "close to \(drives)" }
        return distance > 0 ? "still above \(drives)" : "below \(drives)"
    }

    /// How uniform the wrong-class logits are: `incorrect_spread`, the mean std of the wrong logits.
    ///
    /// "The smoothed run's wrong-class logits are 7.9× more uniform than the hard run's: their spread fell from 4.83 to 0.613."
    public static func wrongLogits(from first: Value, to other: Value) -> String {
        let subject = capitalized(theRuns(other.run)) + " wrong-class logits are"
        let spreads = "from \(ReportNumber.significant(first.value)) to \(ReportNumber.significant(other.value))"
        switch Direction(from: first.value, to: other.value) {
        case .same:
            return "\(subject) about as uniform as \(theRuns(first.run)): their spread went \(spreads)."
        case .lower(let factor):
            return "\(subject) \(factorPrefix(factor))more uniform than \(theRuns(first.run)): their spread fell \(spreads)."
        case .higher(let factor):
            return "\(subject) \(factorPrefix(factor))less uniform than \(theRuns(first.run)): their spread rose \(spreads)."
        }
    }

    /// How nearly equidistant examples are from the wrong templates: `distance_cv`.
    ///
    /// "Examples sit 2.3× more nearly equidistant from the wrong templates in the smoothed run than in the hard run:
    /// distance_cv fell from 0.320 to 0.142."
    public static func equidistance(from first: Value, to other: Value) -> String {
        let values = "from \(ReportNumber.significant(first.value)) to \(ReportNumber.significant(other.value))"
        let runs = "in \(the(other.run)) than in \(the(first.run))"
        switch Direction(from: first.value, to: other.value) {
        case .same:
            return "Examples sit about as equidistant from the wrong templates \(runs): distance_cv went \(values)."
        case .lower(let factor):
            return "Examples sit \(factorPrefix(factor))more nearly equidistant from the wrong templates \(runs):"
                + " distance_cv fell \(values)."
        case .higher(let factor):
            return "Examples sit \(factorPrefix(factor))less equidistant from the wrong templates \(runs):"
                + " distance_cv rose \(values)."
        }
    }

    /// The whole-space cluster ratio, within-class spread over between-class distance.
    ///
    /// "In the full feature space, the ratio of within-class spread to between-class distance hardly moved
    /// from the hard run to the smoothed run (0.440 and 0.443): both shrank 2.3× and 2.3×."
    public static func clusterRatio(from first: Value, to other: Value, withinFactor: Double, betweenFactor: Double) -> String {
        let values = "\(ReportNumber.significant(first.value)) and \(ReportNumber.significant(other.value))"
        let start = "In the full feature space, the ratio of within-class spread to between-class distance"
        let runs = "from \(the(first.run)) to \(the(other.run))"
        let scales = "within-class spread changed \(ReportNumber.ratio(withinFactor)), between-class distance \(ReportNumber.ratio(betweenFactor))"
        switch Direction(from: first.value, to: other.value) {
        case .same:
            return "\(start) hardly moved \(runs) (\(values)): \(scales)."
        case .lower(let factor):
            return "\(start) fell \(factorPrefix(factor))\(runs) (\(values)): classes are tighter for their spacing; \(scales)."
        case .higher(let factor):
            return "\(start) rose \(factorPrefix(factor))\(runs) (\(values)): classes are looser for their spacing; \(scales)."
        }
    }

    /// Panel tightness (mean spread over template separation) across the panels of the figure.
    ///
    /// "Relative to their templates, the smoothed run's clusters are tighter than the hard run's in all 6 panels:
    /// tightness is 2.3× to 4.7× lower."
    ///
    /// - Parameter ratios: per panel, the later run's tightness over the first run's (panels with an empty class left out).
    public static func tightness(from first: String, to other: String, ratios: [Double]) -> String? {
        guard !ratios.isEmpty else { return nil }
        let directions = ratios.map { Direction(from: 1, to: $0) }
        let tighter = directions.compactMap { if case .lower(let factor) = $0 { factor } else { nil } }
        let looser = directions.compactMap { if case .higher(let factor) = $0 { factor } else { nil } }
        let start = "Relative to their templates, \(theRuns(other)) clusters are"
        func panels(_ count: Int) -> String {
            count == ratios.count ? (count == 1 ? "in the one panel" : "in all \(count) panels") : "in \(count) of \(ratios.count) panels"
        }
        func range(_ factors: [Double], _ word: String) -> String {
            let low = factors.min()!, high = factors.max()!
            return ReportNumber.factor(low) == ReportNumber.factor(high)
                ? "\(ReportNumber.factor(low)) \(word)" : "\(ReportNumber.factor(low)) to \(ReportNumber.factor(high)) \(word)"
        }
        var parts: [String] = []
        if !tighter.isEmpty { parts.append("tighter than \(theRuns(first)) \(panels(tighter.count)) (tightness \(range(tighter, "lower")))") }
        if !looser.isEmpty { parts.append("looser \(panels(looser.count)) (tightness \(range(looser, "higher")))") }
        let same = ratios.count - tighter.count - looser.count
        if same > 0 { parts.append("about as tight \(parts.isEmpty ? "as \(theRuns(first)) " : "")\(panels(same))") }
        return "\(start) " + list(parts) + "."
    }
}

extension Findings {
    /// How the measures move from the smallest α to the largest of a sweep.
    ///
    /// "From α = 0 to α = 0.2, the logit gap on val went from 15.1 to 3.52 (ls_gap 3.71 at α = 0.2), the spread of
    /// the wrong logits from 4.83 to 0.440, and the ECE before scaling from 0.0174 to 0.130."
    public static func sweep(
        from low: String, to high: String, split: String, gap: (Double, Double), target: Double?, spread: (Double, Double),
        ece: (Double, Double)?
    ) -> String {
        func pair(_ values: (Double, Double)) -> String {
            "from \(ReportNumber.significant(values.0)) to \(ReportNumber.significant(values.1))"
        }
        var sentence = "From α = \(low) to α = \(high), the logit gap on \(split) went \(pair(gap))"
        if let target { sentence += " (ls_gap \(ReportNumber.significant(target)) at α = \(high))" }
        sentence += (ece == nil ? " and" : ",") + " the spread of the wrong logits \(pair(spread))"
        if let ece { sentence += ", and the ECE before scaling \(pair(ece))" }
        return sentence + "."
    }
}
