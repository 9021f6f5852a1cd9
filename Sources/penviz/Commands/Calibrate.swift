import ArgumentParser
import PenvizAnalysis
import PenvizCore
import PenvizIO
import PenvizRender
import PenvizReport


/// `penviz calibrate`: reliability diagrams, ECE and temperature scaling for runs.
struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure how well runs are calibrated, before and after temperature scaling.",
        discussion: """
            For each run: accuracy, NLL, Brier score, ECE and MCE of the top-label \
            confidence on the evaluation split (default: test when the run has it, \
            else the fitting split); the temperature T* that minimises the NLL of the \
            fitting split (default: val); every figure again with the logits divided \
            by T*; and a bootstrap interval for each ECE (2.5–97.5 % percentiles of \
            --bootstrap resamples). Logits are the split's own, or x·Wᵀ + b in Float64 \
            when it has none. Definitions: DESIGN.md §3.

            The table goes to standard output; --metrics writes everything as JSON \
            (schema in the README) and --out the reliability diagrams: one column a \
            run, before T* on top and after it below, each over a histogram of where \
            the examples fall.

            Example:
              penviz calibrate examples/fashion-mnist/hard.npz examples/fashion-mnist/smoothed.npz \\
                  --out reliability.png --metrics calibration.json
            """)

    @Argument(help: ArgumentHelp("One or more runs: .npz, .safetensors or folders of .npy files.", valueName: "run"))
    var runPaths: [String]

    @OptionGroup(title: "Runs")
    var runLabels: RunLabelOptions

    @OptionGroup(title: "Calibration")
    var calibration: CalibrationOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the bootstrap resamples.", valueName: "n"))
    var seed: UInt64 = 0

    @OptionGroup(title: "Output")
    var output: OutputOptions

    @OptionGroup(title: "Figure")
    var page: PageOptionGroup

    @OptionGroup(title: "Run keys")
    var runOptions: RunOptions

    func validate() throws {
        try runLabels.check(runCount: runPaths.count)
    }

    func run() throws {
        try output.checkExtensions()
        try InputProtection.check(inputs: runPaths + runOptions.inputFiles, outputs: output.files)
        let loaded = try runOptions.load(runPaths)
        let labels = runLabels.labels(of: loaded.map(\.name))
        let settings = calibration.settings(seed: seed)
        let runs = try loaded.indices.map { index in
            try calibration.calibration(of: loaded[index], label: labels[index], alpha: runLabels.alpha(ofRun: index), seed: seed)
        }
        runs.flatMap(\.notes).forEach(Diagnostics.note)

        let report = CalibrationReport(settings: settings, runs: runs)
        let figure = Self.figure(of: runs, page: page)
        try output.write(figure, metrics: StyledMetrics(report, style: FigureStyle(options: figure.options, axisLabels: nil)))
        print(CalibrationTable(report).text, terminator: "")
    }

    /// The reliability diagrams of `runs` on `page`: a column a run, before T* on top and after it below.
    static func figure(of runs: [RunCalibration], page: PageOptionGroup) -> Figure {
        let diagrams = runs.map(\.diagrams)
        return ReliabilityFigure(rows: [diagrams.map(\.before), diagrams.map(\.after)])
            .figure(options: page.figureOptions(size: ReliabilityFigure.pageSize(columns: runs.count, rows: 2)))
    }
}
