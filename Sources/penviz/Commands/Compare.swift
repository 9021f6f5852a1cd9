import ArgumentParser
import PenvizAnalysis
import PenvizCore
import PenvizIO
import PenvizRender
import PenvizReport

extension TripletCriterion: ExpressibleByArgument {}

/// `penviz compare`: the paper's Figure 1 for several runs, and the metrics behind it.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw runs side by side on the planes of a few triplets, and measure what changed.",
        discussion: """
            The paper's Figure 1 for your runs: one row per triplet, one column per \
            run and split (hard·train, hard·val, smoothed·train, smoothed·val), the \
            run labels as column headers, each panel captioned with its tightness. \
            Without --classes or --auto the rows are the automatic similar, mixed and \
            different triplets of the first run.

            --auto ranks triplets by how much the model confuses classes, the usual \
            proxy for semantic similarity: C_kl is the mean softmax probability of \
            class l on the examples of class k (on val, else the first split with \
            logits), S = (C + Cᵀ)/2. similar: the largest S_ab + S_ac + S_bc; mixed: \
            the most confused pair and the class least confused with both (the \
            paper's two similar classes and a different one); different: the \
            smallest sum. closest and farthest rank by the templates' mean distance \
            in the full space instead. Every search is exact over all triplets, ties \
            to the lowest ids; each row's legend says why it was chosen.

            The metrics of DESIGN.md §3 (per run and split: accuracy, within, between, \
            cluster_ratio, gap, ls_gap, incorrect_spread, distance_cv; per panel: \
            spreads, separation, tightness) are printed as a table and, with \
            --metrics, written as JSON (schema in the README). They always use every \
            example, whatever --per-class draws. The JSON also holds each run's \
            neural collapse (as penviz collapse measures it, on train when the run \
            has it, on at most --collapse-max-rows rows).

            Axes default to independent, as in the paper, which imposes no common \
            scale: a hard run's projections reach much larger values, and a shared \
            scale would shrink the smoothed panels to dots. Tightness (mean spread \
            over template separation) is scale-free, so the captions compare runs \
            directly; use --axes row to see the difference in magnitude.

            Example:
              penviz compare hard.npz smoothed.npz --labels hard,smoothed \\
                  --classes T-shirt/top,Pullover,Shirt --auto similar --auto different \\
                  --out compare.png --metrics compare-metrics.json
            """)

    @Argument(help: ArgumentHelp("Two or more runs: .npz, .safetensors or folders of .npy files.", valueName: "run"))
    var runPaths: [String]

    @OptionGroup(title: "Runs")
    var runLabels: RunLabelOptions

    @Option(help: ArgumentHelp("A triplet to draw, by name or id (a comma inside a name is \\,); repeat for more rows.", valueName: "a,b,c"), transform: ClassTriplet.init(parsing:))
    var classes: [ClassTriplet] = []

    @Option(help: ArgumentHelp(
        "An automatic triplet, searched in the first run; repeat for more rows. By how much the model confuses classes "
            + "(softmax on val): similar (most), mixed (the most confused pair and the class least confused with both), "
            + "different (least). By the templates: closest, farthest.", valueName: "criterion"))
    var auto: [TripletCriterion] = []

    @Option(
        help: ArgumentHelp("Splits to compare (default: train,val when the first run has both, else all).", valueName: "a,b"))
    var splits: SplitNames?

    @Option(help: ArgumentHelp("Axis limits: independent per panel (as in the paper), shared along each row, or shared by all.", valueName: "shared|row|independent"))
    var axes: AxisSharing = .independent

    @Flag(help: "Leave the bias out of the templates and the appended 1 out of the examples.")
    var noBias = false

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "At most this many rows in each run's neural collapse, a seeded stratified sample when there are more (2–100000000).",
        valueName: "n"))
    var collapseMaxRows: Int = RunCollapse.defaultMaxRows

    @OptionGroup(title: "Output")
    var output: OutputOptions

    @Option(help: ArgumentHelp(
        "Also draw the metrics against α to this .png, .svg or .pdf (three or more runs of distinct α, stored or --alpha); "
            + "repeat for more formats.", valueName: "file"))
    var sweepOut: [String] = []

    @OptionGroup(title: "Figure")
    var look: FigureOptionGroup

    @OptionGroup(title: "Run keys")
    var runOptions: RunOptions

    func validate() throws {
        guard runPaths.count >= 2 else { throw ValidationError("compare needs at least two runs, got \(runPaths.count)") }
        try runLabels.check(runCount: runPaths.count)
        try output.figures.requireOne()
        try OptionRange.check("--collapse-max-rows", collapseMaxRows, in: OptionRange.collapseRows)
    }

    func run() throws {
        try output.checkExtensions()
        for path in sweepOut { _ = try OutputPath(path, allowed: [.png, .svg, .pdf], option: "--sweep-out") }
        if let clash = sweepOut.first(where: { path in output.files.contains(path) || sweepOut.filter { $0 == path }.count > 1 }) {
            throw PenvizError.usage("--sweep-out \(clash) is named twice among the outputs")
        }
        try InputProtection.check(inputs: runPaths + runOptions.inputFiles, outputs: output.files + sweepOut)
        let comparison = try Comparison.measuring(
            runPaths, runOptions: runOptions, runLabels: runLabels, given: classes,
            criteria: classes.isEmpty && auto.isEmpty ? [.similar, .mixed, .different] : auto, splits: splits?.names,
            includeBias: !noBias, collapseRows: collapseMaxRows)

        let grid = ComparisonGrid(comparison, panels: look.planePanels)
        let options = look.figureOptions(columns: grid.columns.count, rows: grid.rows.count, axes: axes)
        var sweep: [(files: [String], figure: () throws -> Figure)] = []
        if !sweepOut.isEmpty {
            let alphas = comparison.metrics.runs.map(\.alpha)
            guard SweepFigure.isSweep(alphas) else {
                throw PenvizError.usage(
                    "--sweep-out draws the metrics against α and needs three or more runs of distinct α (stored or --alpha); the runs have α = "
                        + alphas.map { $0.map { String($0) } ?? "unknown" }.joined(separator: ", "))
            }
            let charts = SweepFigure.charts(comparison: comparison.metrics, split: ReportDocument.heldOutSplit(comparison.splitNames))
                + SweepFigure.charts(collapse: comparison.metrics.collapseEntries)
            sweep = [(sweepOut, {
                SweepFigure(charts: charts).figure(options: look.page.figureOptions(size: SweepFigure.pageSize(charts: charts.count)))
            })]
        }
        try output.write(
            grid.figure(options: options),
            metrics: StyledMetrics(comparison.metrics, style: FigureStyle(options: options, axisLabels: look.axisLabels)),
            others: sweep)
        print(ComparisonTable(comparison.metrics).text, terminator: "")
    }
}
