import ArgumentParser
import Dispatch
import Foundation
import PenvizAnalysis
import PenvizCore
import PenvizRender
import PenvizReport
import PenvizServe

/// `penviz serve`: the explorer, every triplet of the runs in the browser.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explore every triplet of your runs in the browser.",
        discussion: """
            Reads the runs once, prints a URL and serves a page until Ctrl-C: pick \
            any three classes (type-ahead over names and ids, or the ten most and \
            least confused triplets, as --auto similar and different rank them) and \
            see every run and split on their plane side by side, with the numbers \
            penviz compare reports, the calibration of the runs, and downloads drawn \
            exactly as penviz compare draws them.

            Each split keeps at most --max-points rows for the page (a seeded \
            stratified sample beyond, and no more than 256 MiB of template logits a \
            split); its whole-split metrics always read every row. The server binds \
            --host (loopback by default); the URL carries a random token, and \
            requests without it, or naming another host, are refused.

            Example:
              penviz serve examples/fashion-mnist/hard.npz examples/fashion-mnist/smoothed.npz --open
            """)

    @Argument(help: ArgumentHelp("Two or more runs: .npz, .safetensors or folders of .npy files.", valueName: "run"))
    var runPaths: [String]

    @OptionGroup(title: "Runs")
    var runLabels: RunLabelOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Port to listen on, 1–65535.", valueName: "n"))
    var port: Int = 8765

    @Option(help: ArgumentHelp("Address to listen on: an IPv4 or IPv6 address, or localhost.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Flag(help: "Open the page in the default browser.")
    var open = false

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "At most this many rows of each split shown, a seeded stratified sample beyond (1000–100000000).", valueName: "n"))
    var maxPoints: Int = Explorer.defaultMaxPoints

    @Flag(help: "Leave the bias out of the templates and the appended 1 out of the examples.")
    var noBias = false

    @OptionGroup(title: "Calibration tab")
    var calibration: CalibrationOptions

    @OptionGroup(title: "Run keys")
    var runOptions: RunOptions

    func validate() throws {
        // Two or more, as penviz compare, whose figure the page downloads and whose command line it copies.
        guard runPaths.count >= 2 else { throw ValidationError("serve needs at least two runs, got \(runPaths.count)") }
        try runLabels.check(runCount: runPaths.count)
        try OptionRange.check("--port", port, in: OptionRange.port)
        try OptionRange.check("--max-points", maxPoints, in: OptionRange.explorerPoints)
    }

    func run() throws {
        let content = try content()
        let server = try ExplorerServer(content: content, host: host, port: UInt16(port))
        try ServerLoop(server: server, opensBrowser: open).run()
    }

    /// The runs measured, and what the page shows of them.
    private func content() throws -> ExplorerContent {
        let loaded = try runOptions.load(runPaths, checkingFeatures: runOptions.dropNonfinite)
        let labels = runLabels.labels(of: loaded.map(\.name))
        let runs = loaded.indices.map { ComparedRun(label: labels[$0], run: loaded[$0], alpha: runLabels.alpha(ofRun: $0)) }
        let rows = loaded.flatMap { run in run.splits.map(\.count) }.reduce(0, +)
        let bar = ProgressBar.start("measuring", total: rows, unit: "rows")
        let explorer = try Explorer(runs: runs, includeBias: !noBias, maxPoints: maxPoints, progress: bar)
        bar?.finish()
        // Runs that cannot be ranked by confusion (K past the limit, logits too large) are served without suggestions.
        let suggestions: Result<TripletSuggestions, PenvizError>
        do {
            suggestions = .success(try TripletSuggestions(run: loaded[0]))
        } catch let error as PenvizError where error.kind == .input {
            suggestions = .failure(error)
            Diagnostics.note("no suggestions: \(error.message)")
        }
        let figureSplits = try SplitChoice.many(nil, in: loaded[0]).map(\.name)
        let look = try FigureOptionGroup.parse([]), page = try PageOptionGroup.parse([])
        let calibration = calibration, includeBias = !noBias
        return ExplorerContent(
            explorer: explorer, suggestions: suggestions,
            initial: (try? suggestions.get().similar.first?.triplet) ?? Triplet(0, 1, 2),
            command: ShellWords.line(
                ["penviz", "compare"] + runPaths + (runLabels.labels == nil ? ["--labels", labels.joined(separator: ",")] : [])
                    + runLabels.arguments + (noBias ? ["--no-bias"] : []) + runOptions.arguments),
            figureSplits: figureSplits,
            figure: { triplet, axes, format in
                // compare's figure without what the figure does not show (each run's neural collapse)
                let compared = try ComparedPanels(
                    runs: runs, splits: figureSplits, triplets: [ComparedTriplet(kind: .given, triplet: triplet)], includeBias: includeBias)
                let grid = ComparisonGrid(compared, panels: look.planePanels)
                return try grid.figure(options: look.figureOptions(columns: grid.columns.count, rows: grid.rows.count, axes: axes))
                    .encoded(as: format)
            },
            calibration: {
                let measured = try runs.map { run in
                    try calibration.calibration(of: run.run, label: run.label, alpha: run.alpha, seed: 0)
                }
                return (CalibrationReport(settings: calibration.settings(seed: 0), runs: measured),
                        try Calibrate.figure(of: measured, page: page).encoded(as: .svg))
            })
    }
}
