extension Findings {
    /// How much information about the individual example the later run's logits keep (Î), against the first run's.
    ///
    /// "The smoothed run's logits keep about as much information about which training example they came from as
    /// the hard run's: Î = 0.660 against 0.663 nats, of at most ln N = 6.40."
    public static func erasure(from first: Value, to other: Value, lnN: Double) -> String {
        let subject = capitalized(theRuns(other.run)) + " logits keep"
        let what = "information about which training example they came from"
        let values = "Î = \(ReportNumber.significant(other.value)) against \(ReportNumber.significant(first.value)) nats,"
            + " of at most ln N = \(ReportNumber.significant(lnN))"
        switch Direction(from: first.value, to: other.value) {
        case .same:
            return "\(subject) about as much \(what) as \(theRuns(first.run)): \(values)."
        case .lower(let factor):
            return "\(subject) \(factorPrefix(factor))less \(what) than \(theRuns(first.run)): \(values)."
        case .higher(let factor):
            return "\(subject) \(factorPrefix(factor))more \(what) than \(theRuns(first.run)): \(values)."
        }
    }

    /// How much information about the individual example one run's logits keep, against the most there is
    /// to keep: the finding of a report on a single run.
    ///
    /// "The smoothed run's logits keep Î = 0.660 nats of information about which training example they came from:
    /// 10.3 % of the ln N = 6.40 that telling every example apart would take."
    public static func erasure(of run: Value, lnN: Double) -> String {
        let share = lnN > 0 ? ": \(ReportNumber.significant(100 * run.value / lnN)) % of the ln N = \(ReportNumber.significant(lnN))"
            + " that telling every example apart would take" : ""
        return capitalized(theRuns(run.run)) + " logits keep Î = \(ReportNumber.significant(run.value)) nats of information"
            + " about which training example they came from" + share + "."
    }
}
