import PenvizCore

/// Runs held in memory for `penviz serve` (issue 20): every split of every run
/// measured once (``ExplorerSplit``), so that the panels of any triplet are
/// answered from the kept template logits in O(rows) (``panels(of:)``).
///
/// The runs must be comparable as for `penviz compare`: the same K ≥ 3 and class
/// names, and the first run's splits in every run. Each split keeps at most
/// ``rowLimit(classCount:maxPoints:)`` rows: `maxPoints`, and no more than
/// ``templateLogitBytes`` of template logits a split.
///
/// ```swift
/// let explorer = try Explorer(runs: [hard, smoothed])
/// let panels = try explorer.panels(of: Triplet(0, 2, 6))
/// ```
public struct Explorer: Sendable {
    /// One run: its label, α and splits.
    public struct ExplorerRun: Sendable {
        /// The compared run (label, run, α).
        public let compared: ComparedRun
        /// Its splits, in the first run's split order.
        public let splits: [ExplorerSplit]
    }

    /// The runs, in command-line order.
    public let runs: [ExplorerRun]
    /// The class names (the runs share them).
    public let classNames: [String]
    /// True when templates carry the bias (DESIGN.md §2).
    public let includesBias: Bool
    /// The most rows a split keeps, as asked for.
    public let maxPoints: Int

    /// Memory for the kept template logits of one split: 256 MiB (67,108 rows at K = 1000).
    public static let templateLogitBytes = 256 << 20
    /// The rows a split keeps by default.
    public static let defaultMaxPoints = 200_000

    /// The rows a split of K classes keeps: `maxPoints`, or fewer when their Float32
    /// template logits would take more than ``templateLogitBytes``.
    public static func rowLimit(classCount: Int, maxPoints: Int) -> Int {
        max(1, min(maxPoints, templateLogitBytes / (4 * max(classCount, 1))))
    }

    /// Measures and keeps every split of `runs` (each split of the first run, in its order).
    ///
    /// - Throws: ``PenvizError`` (input) when the runs cannot be compared, or a split cannot be measured.
    public init(
        runs: [ComparedRun], includeBias: Bool = true, maxPoints: Int = Explorer.defaultMaxPoints,
        progress: (any WorkProgress)? = nil
    ) throws {
        precondition(!runs.isEmpty, "Explorer: needs a run")
        let splitNames = runs[0].run.splits.map(\.name)
        try ComparedPanels.checkComparable(runs.map(\.run), splits: splitNames)
        let limit = Self.rowLimit(classCount: runs[0].run.classCount, maxPoints: maxPoints)
        self.runs = try runs.map { compared in
            let space = LogitSpace(run: compared.run, includeBias: includeBias)
            let splits = try splitNames.map { name in
                try ExplorerSplit(compared.run.split(named: name)!, in: space, alpha: compared.alpha, maxRows: limit, progress: progress)
            }
            return ExplorerRun(compared: compared, splits: splits)
        }
        classNames = runs[0].run.classNames
        includesBias = includeBias
        self.maxPoints = maxPoints
    }

    /// Number of classes, K.
    public var classCount: Int { classNames.count }

    /// The panels of `triplet` in every run and split, and the metrics of each as
    /// `penviz compare` reports a panel, on the rows kept.
    ///
    /// - Throws: ``PenvizError`` (usage) when the triplet is not three distinct classes;
    ///   (input) naming the classes when their templates span no plane in some run.
    public func panels(of triplet: Triplet) throws -> ExplorerPanels {
        let columns = try runs.enumerated().flatMap { runIndex, run in
            let plane = try TemplatePlane(
                weight: run.compared.run.weight, bias: run.compared.run.bias, triplet: triplet, includeBias: includesBias,
                classNames: classNames)
            return run.splits.enumerated().map { splitIndex, split in
                let (points, rows) = split.points(on: plane)
                return ExplorerPanels.Panel(
                    run: run.compared.label, split: split.name, runIndex: runIndex, splitIndex: splitIndex, points: points, rows: rows,
                    metrics: ComparisonMetrics.PanelMetrics(measuring: points, run: run.compared.label, split: split.name, classNames: classNames))
            }
        }
        return ExplorerPanels(triplet: triplet, names: triplet.ids.map { classNames[$0] }, panels: columns)
    }
}
