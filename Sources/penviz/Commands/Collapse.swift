import ArgumentParser
import PenvizAnalysis
import PenvizCore
import PenvizRender
import PenvizReport

/// `penviz collapse`: the neural-collapse statistics of runs (Papyan, Han & Donoho 2020).
struct Collapse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure neural collapse: how tight and how evenly spread each run's classes are.",
        discussion: """
            For each run, on one split (default: train when the run has it, else its \
            first): nc1, within-class spread against the spread of the class means; \
            nc2_equinorm_means and nc2_equinorm_weights, how unequal the lengths of \
            the centred class means and of the classifier rows are; nc2_equiangular \
            and nc2_max_angle, how far the means are from equal angles, and from a \
            simplex's; nc3, how far the classifier rows are from the centred means; \
            nc4, the share of examples whose prediction is not their nearest class \
            mean; cdnv, within-class variance against the distances between class \
            means. Smaller is more collapsed for all of them; definitions in DESIGN.md §3.

            The table goes to standard output; --metrics writes every figure as JSON \
            (schema in the README) and --out a figure: a panel a statistic, runs side \
            by side as bars, or as curves against α when three or more runs have \
            distinct α. The cost is N·K'·(D + K') in Float64 on the BLAS: past \
            --max-rows rows (default 100000) the figures are taken on a seeded \
            stratified sample that keeps each class's share, and the output says so.

            Example:
              penviz collapse examples/fashion-mnist/hard.npz examples/fashion-mnist/smoothed.npz \\
                  --out collapse.png --metrics collapse.json
            """)

    @Argument(help: ArgumentHelp("One or more runs: .npz, .safetensors, PyTorch files or folders of .npy files.", valueName: "run"))
    var runPaths: [String]

    @Option(help: ArgumentHelp("The split to measure (default: train when the run has it, else its first).", valueName: "split"))
    var split: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "At most this many rows a split, a seeded stratified sample when it holds more (2–100000000).", valueName: "n"))
    var maxRows: Int = RunCollapse.defaultMaxRows

    @OptionGroup(title: "Runs")
    var runLabels: RunLabelOptions

    @OptionGroup(title: "Output")
    var output: OutputOptions

    @OptionGroup(title: "Figure")
    var page: PageOptionGroup

    @OptionGroup(title: "Run keys")
    var runOptions: RunOptions

    func validate() throws {
        try runLabels.check(runCount: runPaths.count)
        try OptionRange.check("--max-rows", maxRows, in: OptionRange.collapseRows)
    }

    func run() throws {
        try output.checkExtensions()
        try InputProtection.check(inputs: runPaths + runOptions.inputFiles, outputs: output.files)
        let loaded = try runOptions.load(runPaths, checkingFeatures: runOptions.dropNonfinite)
        let labels = runLabels.labels(of: loaded.map(\.name))
        let runs = try loaded.indices.map { index in
            try RunCollapse(label: labels[index], run: loaded[index], alpha: runLabels.alpha(ofRun: index), split: split, maxRows: maxRows)
        }
        runs.flatMap(\.notes).forEach(Diagnostics.note)

        let report = CollapseReport(runs: runs, maxRows: maxRows)
        // The style (fonts, palette) does not depend on the page size, which depends on the layout chosen.
        let style = FigureStyle(options: page.figureOptions(size: Size(width: 1, height: 1)), axisLabels: nil)
        try output.write(
            CollapseFigure.figure(of: report.runs, options: page.figureOptions(size:)), metrics: StyledMetrics(report, style: style))
        print(CollapseTable(report).text, terminator: "")
    }
}
