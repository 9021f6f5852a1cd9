import Foundation
import PenvizCore

/// `penviz compare`'s work: runs side by side on the planes of a few triplets,
/// and everything measured about them (DESIGN.md §3).
///
/// Building a comparison checks that the runs can be compared (the same K and
/// class names, every requested split present), builds each triplet's plane in
/// each run, and measures each run's split in one pass in logit space
/// (``SplitMeasurement``): its whole-split metrics and the points of every
/// panel. The result feeds the figure (PenvizRender's `ComparisonGrid`), the
/// table (PenvizReport's `ComparisonTable`) and the JSON (``metrics``).
public struct Comparison: Sendable {
    /// The runs, in column order.
    public let runs: [ComparedRun]
    /// The compared splits, by name, in column order within each run.
    public let splitNames: [String]
    /// The triplets, in row order.
    public let triplets: [ComparedTriplet]
    /// The plane of triplet `t` in run `r`: `planes[t][r]`.
    public let planes: [[TemplatePlane]]
    /// The points of each panel: `panelPoints[t][c]` for triplet `t` in column `c`
    /// (the columns run by run, split by split), every example of the triplet's classes.
    public let panelPoints: [[PlanePoints]]
    /// Everything measured.
    public let metrics: ComparisonMetrics
    /// Things the user should know that are not errors (stored logits that disagree with the features).
    public let notes: [String]

    /// Compares `runs` on `splits` and `triplets`, with bias-augmented templates
    /// unless `includeBias` is false.
    ///
    /// - Throws: ``PenvizError`` (input) naming both files when two runs differ in
    ///   K or in a class name, naming the run when it lacks a split or has fewer
    ///   than three classes, and naming the classes when a triplet's templates span no plane.
    ///
    /// The one pass over each split that measures its whole-split metrics, and the two
    /// passes of the neural collapse over at most `collapseRows` rows, report every row
    /// they read to `progress` (``rowsMeasured(runs:splits:collapseRows:)`` of them in all).
    public init(
        runs: [ComparedRun], splits: [String], triplets: [ComparedTriplet], includeBias: Bool = true,
        collapseRows: Int = RunCollapse.defaultMaxRows, progress: (any WorkProgress)? = nil
    ) throws {
        precondition(!runs.isEmpty && !splits.isEmpty && !triplets.isEmpty, "Comparison: needs runs, splits and triplets")
        try Self.checkComparable(runs.map(\.run), splits: splits)
        self.runs = runs
        splitNames = splits
        self.triplets = triplets
        planes = try triplets.map { row in
            try runs.map { compared in
                try TemplatePlane(
                    weight: compared.run.weight, bias: compared.run.bias, triplet: row.triplet, includeBias: includeBias,
                    classNames: compared.run.classNames)
            }
        }
        // One pass a split: measured[r][s] for run r and split s, with the panels of every triplet.
        let measured = try zip(runs, planes.transposed(columns: runs.count)).map { compared, runPlanes in
            let space = LogitSpace(run: compared.run, includeBias: includeBias)
            return try splits.map { name in
                try SplitMeasurement(compared.run.split(named: name)!, in: space, planes: runPlanes, alpha: compared.alpha, progress: progress)
            }
        }
        let collapses = try runs.map { compared in
            try RunCollapse(
                label: compared.label, run: compared.run, alpha: compared.alpha, split: Self.collapseSplit(of: compared.run, splits: splits),
                maxRows: collapseRows, progress: progress)
        }
        let runMetrics = zip(runs, zip(measured, collapses)).map { compared, both in
            ComparisonMetrics.RunMetrics(
                label: compared.label, source: compared.run.source, alpha: compared.alpha,
                classCount: compared.run.classCount, dimension: compared.run.dimension, splits: both.0.map(\.metrics),
                collapse: both.1.measured)
        }
        let columns = zip(runs, measured).flatMap { compared, splitsMeasured in splitsMeasured.map { (compared.label, $0) } }
        panelPoints = triplets.indices.map { t in columns.map { $0.1.panels[t] } }
        let classNames = runs[0].run.classNames
        let tripletMetrics = zip(triplets, panelPoints).map { row, rowPoints in
            let panels = zip(columns, rowPoints).map { column, points in
                ComparisonMetrics.PanelMetrics(measuring: points, run: column.0, split: column.1.metrics.name, classNames: classNames)
            }
            return ComparisonMetrics.TripletMetrics(
                kind: row.kind, reason: row.reason, ids: row.triplet.ids, names: row.triplet.ids.map { classNames[$0] },
                separation: panels[0].separation, panels: panels)
        }
        metrics = ComparisonMetrics(includesBias: includeBias, runs: runMetrics, triplets: tripletMetrics)
        notes = measured.flatMap { $0.compactMap(\.note) } + collapses.flatMap(\.notes)
    }

    /// The rows a comparison of `splits` of `runs` reads: every row of each split for the
    /// whole-split metrics, and twice the rows of each run's neural collapse (at most `collapseRows`).
    public static func rowsMeasured(runs: [Run], splits: [String], collapseRows: Int = RunCollapse.defaultMaxRows) -> Int {
        let whole = runs.flatMap { run in splits.compactMap { run.split(named: $0)?.count } }.reduce(0, +)
        let collapse = runs.compactMap { run in run.split(named: collapseSplit(of: run, splits: splits)).map { 2 * min($0.count, collapseRows) } }
        return whole + collapse.reduce(0, +)
    }

    /// The split whose neural collapse a comparison measures: `train` when the run has it
    /// (as `penviz collapse` does), else the first compared split.
    static func collapseSplit(of run: Run, splits: [String]) -> String {
        run.split(named: "train") != nil ? "train" : splits[0]
    }

    /// One sentence per panel class without examples: its spread and the panel's
    /// tightness are null. Shown as `warning:` lines; not an error.
    public var warnings: [String] {
        metrics.triplets.flatMap { triplet in
            triplet.panels.flatMap { panel in
                panel.spreads.filter { $0.count == 0 }.map { empty in
                    "run '\(panel.run)', split '\(panel.split)' has no examples of class '\(empty.name)' (\(empty.id)):"
                        + " its spread and the tightness of the \(triplet.names.joined(separator: ", ")) panel are null"
                }
            }
        }
    }

    /// Runs are comparable when they have the same K and class names (K ≥ 3) and every split in `splits`.
    static func checkComparable(_ runs: [Run], splits: [String]) throws {
        let first = runs[0]
        guard first.classCount >= 3 else {
            throw PenvizError.input(first.source, "a comparison needs K ≥ 3 classes to draw triplets, the run has K = \(first.classCount)")
        }
        for run in runs.dropFirst() {
            guard run.classCount == first.classCount else {
                throw PenvizError(
                    .input,
                    "\(first.source) and \(run.source) cannot be compared: K = \(first.classCount) against K = \(run.classCount) classes")
            }
            if let id = first.classNames.indices.first(where: { first.classNames[$0] != run.classNames[$0] }) {
                throw PenvizError(
                    .input,
                    "\(first.source) and \(run.source) cannot be compared: class \(id) is '\(first.classNames[id])' in one"
                        + " and '\(run.classNames[id])' in the other")
            }
        }
        for run in runs {
            if let missing = splits.first(where: { run.split(named: $0) == nil }) {
                throw PenvizError.input(
                    run.source, "no split '\(missing)' to compare; the run has \(run.splits.map(\.name).joined(separator: ", "))")
            }
        }
    }
}

private extension Array where Element == [TemplatePlane] {
    /// The planes of each run, `[r][t]`, from the planes of each triplet, `[t][r]`.
    func transposed(columns: Int) -> [[TemplatePlane]] {
        (0..<columns).map { r in map { $0[r] } }
    }
}
