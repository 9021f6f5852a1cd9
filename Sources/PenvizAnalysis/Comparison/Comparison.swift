import Foundation
import PenvizCore

/// `penviz compare`'s work: runs side by side on the planes of a few triplets,
/// and everything measured about them (DESIGN.md §3).
///
/// A comparison is its ``ComparedPanels`` (the runs checked, each triplet's plane in
/// each run, each split measured in one pass in logit space: whole-split metrics
/// and the points and numbers of every panel) and each run's neural collapse. The
/// result feeds the figure (PenvizRender's `ComparisonGrid`), the table
/// (PenvizReport's `ComparisonTable`) and the JSON (``metrics``).
public struct Comparison: Sendable {
    /// The runs on the triplets' planes, measured.
    public let panels: ComparedPanels
    /// Everything measured.
    public let metrics: ComparisonMetrics
    /// Things the user should know that are not errors (stored logits that disagree with the features).
    public let notes: [String]

    /// The runs, in column order.
    public var runs: [ComparedRun] { panels.runs }
    /// The compared splits, by name, in column order within each run.
    public var splitNames: [String] { panels.splitNames }
    /// The triplets, in row order.
    public var triplets: [ComparedTriplet] { panels.triplets }
    /// The plane of triplet `t` in run `r`: `planes[t][r]`.
    public var planes: [[TemplatePlane]] { panels.planes }
    /// The points of each panel: `panelPoints[t][c]` for triplet `t` in column `c`.
    public var panelPoints: [[PlanePoints]] { panels.panelPoints }

    /// Compares `runs` on `splits` and `triplets`, with bias-augmented templates
    /// unless `includeBias` is false.
    ///
    /// - Throws: ``PenvizError`` (input) as ``ComparedPanels/init(runs:splits:triplets:includeBias:progress:)``
    ///   does, and as a run's neural collapse does.
    ///
    /// The one pass over each split that measures its whole-split metrics, and the two
    /// passes of the neural collapse over at most `collapseRows` rows, report every row
    /// they read to `progress` (``rowsMeasured(runs:splits:collapseRows:)`` of them in all).
    public init(
        runs: [ComparedRun], splits: [String], triplets: [ComparedTriplet], includeBias: Bool = true,
        collapseRows: Int = RunCollapse.defaultMaxRows, progress: (any WorkProgress)? = nil
    ) throws {
        panels = try ComparedPanels(runs: runs, splits: splits, triplets: triplets, includeBias: includeBias, progress: progress)
        let collapses = try runs.map { compared in
            try RunCollapse(
                label: compared.label, run: compared.run, alpha: compared.alpha, split: Self.collapseSplit(of: compared.run, splits: splits),
                maxRows: collapseRows, progress: progress)
        }
        let runMetrics = zip(runs, zip(panels.splitMetrics, collapses)).map { compared, both in
            ComparisonMetrics.RunMetrics(
                label: compared.label, source: compared.run.source, alpha: compared.alpha,
                classCount: compared.run.classCount, dimension: compared.run.dimension, splits: both.0,
                collapse: both.1.measured)
        }
        metrics = ComparisonMetrics(includesBias: includeBias, runs: runMetrics, triplets: panels.tripletMetrics)
        notes = panels.notes + collapses.flatMap(\.notes)
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
}
