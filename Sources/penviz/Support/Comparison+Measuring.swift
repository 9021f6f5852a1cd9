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
    /// With `skippingAutomaticPastLimit` (the report), a run of more classes than the
    /// automatic search takes gets no automatic rows, with a note, and the first three
    /// classes when no triplet is given; otherwise (compare) that is an error.
    static func measuring(
        _ runPaths: [String], runOptions: RunOptions, runLabels: RunLabelOptions, given: [ClassTriplet],
        criteria: [AutoTriplets.Criterion], splits: [String]?, includeBias: Bool, skippingAutomaticPastLimit: Bool = false
    ) throws -> Comparison {
        let loaded = try runOptions.load(runPaths, checkingFeatures: runOptions.dropNonfinite)
        let labels = runLabels.labels(of: loaded.map(\.name))
        let runs = loaded.indices.map { ComparedRun(label: labels[$0], run: loaded[$0], alpha: runLabels.alpha(ofRun: $0)) }
        let first = loaded[0]
        var triplets = try given.map { ComparedTriplet(kind: .given, triplet: try $0.triplet(in: first)) }
        if skippingAutomaticPastLimit, first.classCount > AutoTriplets.classLimit {
            Diagnostics.note(
                "\(first.source): automatic triplets skipped: the search takes at most K = \(AutoTriplets.classLimit) classes, "
                    + "the run has K = \(first.classCount)" + (triplets.isEmpty ? "; showing classes 0, 1 and 2 (choose with --classes)" : ""))
            if triplets.isEmpty { triplets = [ComparedTriplet(kind: .given, triplet: Triplet(0, 1, 2))] }
        } else {
            let automatic = try ComparedTriplet.automatic(criteria, in: first, includeBias: includeBias)
            for row in automatic where !row.isExact {
                Diagnostics.note(
                    "\(first.source): automatic triplet '\(row.kind.rawValue)' \(row.triplet) is the best of a bounded search, not proven "
                        + "the best: the templates are nearly all equally far apart")
            }
            triplets += automatic
        }
        let splitNames = try SplitChoice.many(splits, in: first).map(\.name)
        let bar = ProgressBar.start("measuring", total: rowsMeasured(runs: loaded, splits: splitNames), unit: "rows")
        let comparison = try Comparison(
            runs: runs, splits: splitNames, triplets: triplets, includeBias: includeBias, progress: bar)
        bar?.finish()
        comparison.notes.forEach(Diagnostics.note)
        comparison.warnings.forEach(Diagnostics.warning)
        return comparison
    }
}
