import ArgumentParser
import PenvizAnalysis
import PenvizCore
import PenvizIO
import PenvizRender
import PenvizReport

extension CalibrationBinning: ExpressibleByArgument {}

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

    @Option(help: ArgumentHelp("The split T* is fitted on (default: val, else the run's first split).", valueName: "split"))
    var fitSplit: String?

    @Option(help: ArgumentHelp("The split every figure is measured on (default: test, else the fitting split).", valueName: "split"))
    var evalSplit: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of bins M, 1–10000.", valueName: "M"))
    var bins: Int = 15

    @Option(help: ArgumentHelp("Bins of equal width on [0, 1], or of equal mass.", valueName: "width|mass"))
    var binning: CalibrationBinning = .width

    @Option(parsing: .unconditional, help: ArgumentHelp("Bootstrap resamples for each ECE interval, 0–100000; 0 draws none.", valueName: "B"))
    var bootstrap: Int = 200

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
        try OptionRange.check("--bins", bins, in: OptionRange.bins)
        try OptionRange.check("--bootstrap", bootstrap, in: OptionRange.bootstrap)
    }

    func run() throws {
        try output.checkExtensions()
        try InputProtection.check(inputs: runPaths + runOptions.inputFiles, outputs: output.files)
        let loaded = try runOptions.load(runPaths)
        let labels = runLabels.labels(of: loaded.map(\.name))
        let settings = CalibrationSettings(binCount: bins, binning: binning, resamples: bootstrap, seed: seed)
        let runs = try loaded.indices.map { index in
            try RunCalibration(
                label: labels[index], run: loaded[index], alpha: runLabels.alpha(ofRun: index), fitSplit: fitSplit,
                evalSplit: evalSplit, settings: settings)
        }
        runs.flatMap(\.notes).forEach(Diagnostics.note)

        let report = CalibrationReport(settings: settings, runs: runs)
        let diagrams = runs.map(\.diagrams)
        try output.write(
            ReliabilityFigure(rows: [diagrams.map(\.before), diagrams.map(\.after)])
                .figure(options: page.figureOptions(size: ReliabilityFigure.pageSize(columns: runs.count, rows: 2))),
            metrics: report)
        print(CalibrationTable(report).text, terminator: "")
    }
}
