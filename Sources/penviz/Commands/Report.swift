import ArgumentParser
import Foundation
import PenvizAnalysis
import PenvizCore
import PenvizIO
import PenvizRender
import PenvizReport

extension HTMLReport.Embed: ExpressibleByArgument {}

/// `penviz report`: compare, calibrate and erasure for the same runs, written
/// as one self-contained HTML page, the same report in Markdown, and the JSON.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an HTML report, a Markdown report and every metric for one run or more.",
        discussion: """
            Runs penviz compare, calibrate and erasure on the same runs and writes into \
            the folder --out. With one run the report measures it alone, each number \
            against its own yardstick (the logit gap against the gap α drives toward, \
            ECE before and after temperature scaling, Î against ln N); with more, each \
            later run is compared with the first:

              report.html    one self-contained page: style and figures inline, nothing \
            fetched (figures as SVG, or PNG with --embed png); prints cleanly
              report.md      the same report in Markdown, for GitHub, wikis and Jupyter
              metrics.json   every number (schema in the README)
              figures/       each figure as .svg and .png

            The report holds: the runs (K, D, α, size and accuracy of every split); \
            the paper's Figure 1 for the automatic similar, mixed and different triplets and \
            any --classes; the geometry and logit metrics with the change from the \
            first run to each other run; reliability diagrams and calibration before \
            and after temperature scaling (T* fitted on val, measured on test); and \
            information erasure when the runs store augmented logits (S_logits_aug), \
            else a note. Under each table, sentences read off the numbers say what \
            changed and which way.

            Every figure is drawn 720 points wide, so fonts come out the same size \
            in all of them. Everything is drawn in memory before the first file is \
            written, and each file is written atomically.

            Example:
              penviz report examples/fashion-mnist/hard.npz \\
                  examples/fashion-mnist/smoothed.npz --labels hard,smoothed \\
                  --classes T-shirt/top,Pullover,Shirt --out report
            """)

    @Argument(help: ArgumentHelp("One run or more: .npz, .safetensors or folders of .npy files; the first is the reference.", valueName: "run"))
    var runPaths: [String]

    @OptionGroup(title: "Runs")
    var runLabels: RunLabelOptions

    @Option(help: ArgumentHelp("A triplet to draw besides the automatic ones, by name or id (a comma inside a name is \\,); repeat for more rows.", valueName: "a,b,c"), transform: ClassTriplet.init(parsing:))
    var classes: [ClassTriplet] = []

    @Option(
        help: ArgumentHelp("Splits to compare (default: train,val when the first run has both, else all).", valueName: "a,b"))
    var splits: SplitNames?

    @Option(help: ArgumentHelp("Classes a and b of information erasure (default: the two most frequent classes of the augmented examples, else the first triplet's first two).", valueName: "a,b"), transform: ClassPair.init(parsing:))
    var erasureClasses: ClassPair?

    @Option(help: ArgumentHelp(
        "The axes of the augmented logits, NLK or LNK (default: told from the labels and the shape).", valueName: "NLK|LNK"))
    var erasureLayout: AugmentedLayout?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "At most this many examples in information erasure, a seeded sample when there are more (2–1000000).", valueName: "n"))
    var erasureMaxRows: Int = RunErasure.defaultMaxRows

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "At most this many rows in each run's neural collapse, a seeded stratified sample when there are more (2–100000000).",
        valueName: "n"))
    var collapseMaxRows: Int = RunCollapse.defaultMaxRows

    @Flag(help: "Leave the bias out of the templates and the appended 1 out of the examples.")
    var noBias = false

    @Option(help: ArgumentHelp("The folder to write the report into (made if missing).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("How report.html inlines the figures.", valueName: "svg|png"))
    var embed: HTMLReport.Embed = .svg

    @Flag(help: "Leave the figures' backgrounds transparent.")
    var transparent = false

    @Option(parsing: .unconditional, help: ArgumentHelp("PNG pixels per point, 0.25–16.", valueName: "n"))
    var scale: Double = 2

    @Option(parsing: .unconditional, help: ArgumentHelp("At most this many points a class in each plane panel (at least 1), a seeded sample (default: all).", valueName: "n"))
    var perClass: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the per-class sample and of the bootstrap resamples.", valueName: "n"))
    var seed: UInt64 = 0

    @OptionGroup(title: "Calibration")
    var calibration: CalibrationOptions

    @Option(help: ArgumentHelp("The report's title (default: the run labels).", valueName: "text"))
    var title: String?

    @OptionGroup(title: "Figure style")
    var style: FigureStyleOptions

    @Flag(help: "Label the axes of the plane panels, 'e1 (a → b)' and 'e2 (towards c)' (the paper leaves them bare).")
    var axisLabels = false

    @OptionGroup(title: "Run keys")
    var runOptions: RunOptions

    func validate() throws {
        guard !runPaths.isEmpty else { throw ValidationError("report needs a run") }
        try runLabels.check(runCount: runPaths.count)
        if let perClass { try OptionRange.check("--per-class", perClass, in: OptionRange.perClass) }
        try OptionRange.check("--scale", scale, in: OptionRange.scale)
        try OptionRange.check("--erasure-max-rows", erasureMaxRows, in: OptionRange.erasureRows)
        try OptionRange.check("--collapse-max-rows", collapseMaxRows, in: OptionRange.collapseRows)
    }

    func run() throws {
        try InputProtection.check(inputs: runPaths + runOptions.inputFiles, outputs: [], folders: [out])
        try ReportFiles.checkFolder(out)
        let comparison = try Comparison.measuring(
            runPaths, runOptions: runOptions, runLabels: runLabels, given: classes, criteria: [.similar, .mixed, .different],
            splits: splits?.names, includeBias: !noBias, collapseRows: collapseMaxRows, skippingAutomaticPastLimit: true)
        let runs = comparison.runs

        let settings = calibration.settings(seed: seed)
        let calibrations = try runs.map { try calibration.calibration(of: $0.run, label: $0.label, alpha: $0.alpha, seed: seed) }
        calibrations.flatMap(\.notes).forEach(Diagnostics.note)
        let erasure = try self.erasure(of: runs, fallback: comparison.triplets[0].triplet)
        if case .skipped(let reason) = erasure { Diagnostics.note("information erasure skipped: \(reason)") }

        let content = ReportContent(
            comparison: comparison, splits: try comparison.splitSummaries(), calibrations: calibrations, settings: settings,
            erasure: erasure,
            look: ReportLook(
                scale: scale, transparent: transparent, perClass: perClass, seed: seed, fontScale: style.fontScale,
                palette: style.palette, axisLabels: axisLabels),
            title: title)
        for name in try ReportFiles.write(content, to: out, embed: embed) {
            print(VisibleText.escaped((out as NSString).appendingPathComponent(name)))
        }
    }

    /// Information erasure on the augmented logits every run stores (`train_logits_aug`
    /// when they all have it, else the first key they share), or why it is skipped.
    private func erasure(of runs: [ComparedRun], fallback: Triplet) throws -> ReportErasure {
        let augmented: [AugmentedRun?]
        do {
            augmented = try runs.map { try runOptions.names.augmentedRun($0.run.source, layout: erasureLayout) }
        } catch let error as PenvizError where error.kind == .input {
            return .skipped("\(error.message).")
        }
        augmented.forEach { $0?.notes.forEach(Diagnostics.note) }
        let keys = augmented.map { Set($0.map { Array($0.logits.keys) } ?? []) }
        let shared = keys.dropFirst().reduce(keys[0]) { $0.intersection($1) }
        guard let key = shared.contains("train_logits_aug") ? "train_logits_aug" : shared.sorted().first else {
            let without = runs.indices.filter { augmented[$0] == nil }.map { runs[$0].label }
            if without.count == runs.count {
                return .skipped("no run stores augmented logits (the N×L×K logits of L augmented passes per example, saved as S_logits_aug).")
            }
            return .skipped(
                without.isEmpty
                    ? "the runs store augmented logits under no common key ("
                        + runs.indices.map { "\(runs[$0].label): \(keys[$0].sorted().joined(separator: ", "))" }.joined(separator: "; ")
                        + ")."
                    : "\(without.joined(separator: ", ")) \(without.count == 1 ? "stores" : "store") no augmented logits"
                        + " (S_logits_aug), so the runs cannot be compared on them.")
        }
        let first = augmented[0]!
        let ids: (a: Int, b: Int)
        if let erasureClasses {
            ids = try erasureClasses.ids(in: first)
        } else {
            ids = first.labels[key].flatMap { ReportErasure.mostFrequentClasses($0, classCount: first.classCount) }
                ?? (fallback.ids[0], fallback.ids[1])
        }
        do {
            let measured = try runs.indices.map { index in
                try RunErasure(
                    label: runs[index].label, run: augmented[index]!, alpha: runs[index].alpha, key: key, classA: ids.a,
                    classB: ids.b, maxRows: erasureMaxRows)
            }
            return .measured(measured, classNames: first.classNames)
        } catch let error as PenvizError where error.kind == .input {
            return .skipped("\(error.message).")
        }
    }
}
