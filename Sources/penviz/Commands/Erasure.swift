import ArgumentParser
import PenvizAnalysis
import PenvizCore
import PenvizIO
import PenvizRender
import PenvizReport

extension AugmentedLayout: ExpressibleByArgument {}

/// `penviz erasure`: how much a run's logits still tell examples apart (the paper's Section 4).
struct Erasure: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Estimate the information about each example that a run's logits keep.",
        discussion: """
            Reads N×L×K logits of L augmented passes per example (key S_logits_aug) \
            and, for classes a and b, the differences f = z_a − z_b; estimates the \
            mutual information Î between the example and f with the paper's Gaussian \
            approximation (DESIGN.md §3), between 0 and ln N. Label smoothing drives \
            Î down: the information a teacher would pass on in distillation is erased. \
            The estimate costs N²·L exponentials: past --max-rows examples (default \
            20000) it uses a seeded sample of that many, and says so.

            The table goes to standard output; --metrics writes it as JSON (schema in \
            the README) and --out draws a panel a run, each example a stroke spanning \
            its L differences at their mean. When the run stores the examples' labels \
            as KEY_labels (or its split's S_labels number the same examples), strokes \
            are coloured by class. Only the augmented logits are read: the file needs \
            no final layer or features.

            Example:
              penviz erasure examples/fashion-mnist/hard.npz examples/fashion-mnist/smoothed.npz \\
                  --classes T-shirt/top,Shirt --out erasure.png --metrics erasure.json
            """)

    @Argument(help: ArgumentHelp("One or more runs: .npz, .safetensors or folders of .npy files.", valueName: "run"))
    var runPaths: [String]

    @Option(help: ArgumentHelp("Classes a and b of the difference z_a − z_b, by name or id (a comma inside a name is \\,).", valueName: "a,b"), transform: ClassPair.init(parsing:))
    var classes: ClassPair

    @Option(help: ArgumentHelp("The split whose augmented logits to use: the key S_logits_aug.", valueName: "split"))
    var split: String?

    @Option(help: ArgumentHelp("The key of the N×L×K augmented logits (default: train_logits_aug).", valueName: "key"))
    var key: String?

    @Option(help: ArgumentHelp(
        "The axes of the augmented logits: NLK (examples, passes, classes) or LNK (torch.stack over the passes);"
            + " default: told from the labels and the shape.", valueName: "NLK|LNK"))
    var layout: AugmentedLayout?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "At most this many examples, a seeded sample when the array holds more: the estimate costs N²·L (2–1000000).",
        valueName: "n"))
    var maxRows: Int = RunErasure.defaultMaxRows

    @OptionGroup(title: "Runs")
    var runLabels: RunLabelOptions

    @OptionGroup(title: "Output")
    var output: OutputOptions

    @OptionGroup(title: "Figure")
    var page: PageOptionGroup

    @OptionGroup(title: "Class names")
    var names: ClassNamesOption

    func validate() throws {
        try runLabels.check(runCount: runPaths.count)
        if split != nil && key != nil { throw ValidationError("give --split or --key, not both") }
        try OptionRange.check("--max-rows", maxRows, in: OptionRange.erasureRows)
    }

    func run() throws {
        try output.checkExtensions()
        try InputProtection.check(inputs: runPaths + names.inputFiles, outputs: output.files)
        let key = self.key ?? "\(split ?? "train")_logits_aug"
        let loaded = try runPaths.map { path in
            guard let run = try names.augmentedRun(path, layout: layout) else {
                throw PenvizError.input(
                    path, "no augmented logits found (information erasure reads the N×L×K logits of L augmented passes per example,"
                        + " saved as S_logits_aug; `penviz inspect \(path)` lists the keys)")
            }
            run.notes.forEach(Diagnostics.note)
            return run
        }
        let labels = runLabels.labels(of: loaded.map(\.name))
        let ids = try classes.ids(in: loaded[0])
        let runs = try loaded.indices.map { index in
            let run = loaded[index]
            guard try classes.ids(in: run) == ids else {
                throw PenvizError(
                    .input, "--classes \(classes) means classes \(ids.a),\(ids.b) in \(loaded[0].source) but not in \(run.source)")
            }
            return try RunErasure(
                label: labels[index], run: run, alpha: runLabels.alpha(ofRun: index), key: key, classA: ids.a,
                classB: ids.b, maxRows: maxRows)
        }

        let classNames = loaded[0].classNames
        let report = ErasureReport(runs: runs, classNames: classNames)
        let options = page.figureOptions(size: ErasureFigure.pageSize(columns: runs.count))
        try output.write(
            ErasureFigure(runs: runs, classNames: classNames).figure(options: options),
            metrics: StyledMetrics(report, style: FigureStyle(options: options, axisLabels: nil)))
        print(ErasureTable(report).text, terminator: "")
    }
}
