import PenvizCore

/// Runs side by side on the planes of a few triplets, measured: the part of a
/// ``Comparison`` its figure is drawn from, without the neural collapse.
///
/// Building it checks that the runs can be compared (the same K ≥ 3 and class
/// names, every requested split present), builds each triplet's plane in each run,
/// and measures each run's split in one pass in logit space (``SplitMeasurement``):
/// its whole-split metrics and the points of every panel, whose numbers (spreads,
/// separation, tightness) are then taken over every example of the triplet's classes.
public struct ComparedPanels: Sendable {
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
    /// The whole-split metrics of run `r`'s split `s`: `splitMetrics[r][s]`.
    public let splitMetrics: [[ComparisonMetrics.SplitMetrics]]
    /// Each triplet's panels, measured, in row order.
    public let tripletMetrics: [ComparisonMetrics.TripletMetrics]
    /// Notes on stored logits that disagree with the features.
    public let notes: [String]

    /// Measures `runs` on `splits` and the planes of `triplets`, with bias-augmented
    /// templates unless `includeBias` is false; every row read goes to `progress`.
    ///
    /// - Throws: ``PenvizError`` (input) naming both files when two runs differ in
    ///   K or in a class name, naming the run when it lacks a split or has fewer
    ///   than three classes, and naming the classes when a triplet's templates span no plane.
    public init(
        runs: [ComparedRun], splits: [String], triplets: [ComparedTriplet], includeBias: Bool = true,
        progress: (any WorkProgress)? = nil
    ) throws {
        precondition(!runs.isEmpty && !splits.isEmpty && !triplets.isEmpty, "ComparedPanels: needs runs, splits and triplets")
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
        splitMetrics = measured.map { $0.map(\.metrics) }
        let columns = zip(runs, measured).flatMap { compared, splitsMeasured in splitsMeasured.map { (compared.label, $0) } }
        panelPoints = triplets.indices.map { t in columns.map { $0.1.panels[t] } }
        let classNames = runs[0].run.classNames
        tripletMetrics = zip(triplets, panelPoints).map { row, rowPoints in
            let panels = zip(columns, rowPoints).map { column, points in
                ComparisonMetrics.PanelMetrics(measuring: points, run: column.0, split: column.1.metrics.name, classNames: classNames)
            }
            return ComparisonMetrics.TripletMetrics(
                kind: row.kind, reason: row.reason, ids: row.triplet.ids, names: row.triplet.ids.map { classNames[$0] },
                separation: panels[0].separation, panels: panels)
        }
        notes = measured.flatMap { $0.compactMap(\.note) }
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
