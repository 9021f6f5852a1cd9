import PenvizAnalysis
import PenvizCore
import PenvizReport

extension Comparison {
    /// The runs at `runPaths` compared on `splits` (the default choice when nil) and on
    /// the `given` triplets followed by the automatic ones of `criteria`: the steps
    /// `penviz compare` and `penviz report` share.
    ///
    /// The features are checked in the measuring pass itself (at load only with
    /// `--drop-nonfinite`, since dropped rows must go before anything is measured);
    /// the pass shows a "measuring" progress bar on a terminal, and the comparison's
    /// warnings are printed.
    ///
    /// With `skippingAutomaticPastLimit` (the report), a run of more classes than a
    /// criterion's search takes gets no row of that criterion, and a search that fails
    /// on the run's data (logits too large to rank by) no automatic rows, each with a
    /// note, and the first three classes when no row is left; otherwise (compare) those
    /// are errors.
    static func measuring(
        _ runPaths: [String], runOptions: RunOptions, runLabels: RunLabelOptions, given: [ClassTriplet],
        criteria: [TripletCriterion], splits: [String]?, includeBias: Bool, collapseRows: Int, skippingAutomaticPastLimit: Bool = false
    ) throws -> Comparison {
        let loaded = try runOptions.load(runPaths, checkingFeatures: runOptions.dropNonfinite)
        let labels = runLabels.labels(of: loaded.map(\.name))
        let runs = loaded.indices.map { ComparedRun(label: labels[$0], run: loaded[$0], alpha: runLabels.alpha(ofRun: $0)) }
        let first = loaded[0]
        var triplets = try given.map { ComparedTriplet(kind: .given, triplet: try $0.triplet(in: first)) }
        var criteria = criteria
        var skipped: String?
        if skippingAutomaticPastLimit {
            let past = criteria.filter { first.classCount > $0.classLimit }
            criteria.removeAll { first.classCount > $0.classLimit }
            if let limit = past.map(\.classLimit).min() {
                skipped = "automatic triplets \(past.map(\.rawValue).joined(separator: ", ")) skipped: their search takes at most "
                    + "K = \(limit) classes, the run has K = \(first.classCount)"
            }
        }
        var automatic: [ComparedTriplet] = []
        do {
            automatic = try ComparedTriplet.automatic(criteria, in: first, includeBias: includeBias)
        } catch let error as PenvizError where skippingAutomaticPastLimit && error.kind == .input {
            let prefix = "\(first.source): "
            skipped = "automatic triplets skipped: " + (error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message)
        }
        if let skipped {
            let fallback = triplets.isEmpty && automatic.isEmpty
            Diagnostics.note("\(first.source): \(skipped)" + (fallback ? "; showing classes 0, 1 and 2 (choose with --classes)" : ""))
            if fallback { triplets = [ComparedTriplet(kind: .given, triplet: Triplet(0, 1, 2))] }
        }
        for row in automatic where !row.isExact {
            Diagnostics.note(
                "\(first.source): automatic triplet '\(row.kind.rawValue)' \(row.triplet) is the best of a bounded search, not proven "
                    + "the best: its scores are nearly all equal")
        }
        triplets += automatic
        let splitNames = try SplitChoice.many(splits, in: first).map(\.name)
        let bar = ProgressBar.start("measuring", total: rowsMeasured(runs: loaded, splits: splitNames, collapseRows: collapseRows), unit: "rows")
        let comparison = try Comparison(
            runs: runs, splits: splitNames, triplets: triplets, includeBias: includeBias, collapseRows: collapseRows, progress: bar)
        bar?.finish()
        comparison.notes.forEach(Diagnostics.note)
        comparison.warnings.forEach(Diagnostics.warning)
        return comparison
    }
}
