import Foundation
import PenvizCore
import PenvizRender

/// `penviz compare`'s work: runs side by side on the planes of a few triplets,
/// and everything measured about them (DESIGN.md §3).
///
/// Building a comparison checks that the runs can be compared (the same K and
/// class names, every requested split present), builds each triplet's plane in
/// each run, and measures each run's splits once and each panel once. The
/// result feeds the figure (``grid(panels:)``), the table (``ComparisonTable``)
/// and the JSON (``metrics``).
public struct Comparison: Sendable {
    /// The runs, in column order.
    public let runs: [ComparedRun]
    /// The compared splits, by name, in column order within each run.
    public let splitNames: [String]
    /// The triplets, in row order.
    public let triplets: [ComparedTriplet]
    /// The plane of triplet `t` in run `r`: `planes[t][r]`.
    public let planes: [[TemplatePlane]]
    /// Everything measured.
    public let metrics: ComparisonMetrics

    /// Compares `runs` on `splits` and `triplets`, with bias-augmented templates
    /// unless `includeBias` is false.
    ///
    /// - Throws: ``PenvizError`` (input) naming both files when two runs differ in
    ///   K or in a class name, naming the run when it lacks a split or has fewer
    ///   than three classes, and naming the classes when a triplet's templates span no plane.
    ///
    /// The one pass over each split that measures its whole-split metrics reports
    /// every row it reads to `progress` (``rowsMeasured(runs:splits:)`` of them in all).
    public init(
        runs: [ComparedRun], splits: [String], triplets: [ComparedTriplet], includeBias: Bool = true,
        progress: (any WorkProgress)? = nil
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
        let runMetrics = try runs.map { compared in
            let templates = ClassTemplates(weight: compared.run.weight, bias: compared.run.bias, includeBias: includeBias)
            return ComparisonMetrics.RunMetrics(
                label: compared.label, source: compared.run.source, alpha: compared.alpha,
                classCount: compared.run.classCount, dimension: compared.run.dimension,
                splits: try splits.map { name in
                    try .init(
                        measuring: compared.run.split(named: name)!, of: compared.run, alpha: compared.alpha,
                        templates: templates, progress: progress)
                })
        }
        let classNames = runs[0].run.classNames
        let tripletMetrics = zip(triplets, planes).map { row, rowPlanes in
            let panels = zip(runs, rowPlanes).flatMap { compared, plane in
                splits.map { name in
                    ComparisonMetrics.PanelMetrics(
                        measuring: compared.run.split(named: name)!, on: plane, run: compared.label, classNames: classNames)
                }
            }
            return ComparisonMetrics.TripletMetrics(
                kind: row.kind, ids: row.triplet.ids, names: row.triplet.ids.map { classNames[$0] },
                separation: panels[0].separation, panels: panels)
        }
        metrics = ComparisonMetrics(includesBias: includeBias, runs: runMetrics, triplets: tripletMetrics)
    }

    /// The rows the whole-split metrics of `splits` of `runs` read: every row of each.
    public static func rowsMeasured(runs: [Run], splits: [String]) -> Int {
        runs.flatMap { run in splits.compactMap { run.split(named: $0)?.count } }.reduce(0, +)
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

    /// The figure: a row per triplet, a column per run and split, each panel
    /// captioned with its tightness. `panels` draws the scatters (and may sample
    /// them; the metrics always use every example).
    public func grid(panels: PlanePanels) -> ComparisonGrid {
        let columns = runs.flatMap { compared in
            splitNames.map { name in ComparisonGrid.Column(header: compared.label, run: compared.run, split: compared.run.split(named: name)!) }
        }
        let rows = zip(triplets, zip(planes, metrics.triplets)).map { row, planesAndMetrics in
            let (rowPlanes, measured) = planesAndMetrics
            return ComparisonGrid.Row(
                label: Self.rowLabel(kind: row.kind, names: measured.names),
                planes: rowPlanes.flatMap { plane in splitNames.map { _ in plane } },
                captions: measured.panels.map { Self.caption(tightness: $0.tightness) })
        }
        return ComparisonGrid(columns: columns, rows: rows, panels: panels)
    }

    /// `T-shirt/top · Pullover · Shirt`, or `similar: T-shirt/top · Pullover · Shirt` for an automatic triplet.
    static func rowLabel(kind: ComparedTriplet.Kind, names: [String]) -> String {
        let classes = names.joined(separator: " · ")
        return kind == .given ? classes : "\(kind.rawValue): \(classes)"
    }

    /// `tightness 0.420` (three significant digits, trailing zeros kept so captions line up), or
    /// `tightness n/a` when a class is empty.
    static func caption(tightness: Double?) -> String {
        "tightness " + (tightness.map { String(format: "%#.3g", $0) } ?? "n/a")
    }

    /// Runs are comparable when they have the same K and class names (K ≥ 3) and every split in `splits`.
    private static func checkComparable(_ runs: [Run], splits: [String]) throws {
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
