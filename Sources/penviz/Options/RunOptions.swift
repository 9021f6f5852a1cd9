import ArgumentParser
import PenvizCore
import PenvizIO

/// How to find a run's arrays: explicit keys that override the search, a
/// class-names file, and what to do with non-finite rows.
struct RunOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Key of the final-layer weight (default: weight, fc.weight, classifier.weight, head.weight, out.weight, W, "
            + "else the last 2-d …weight whose K×D fits the features).", valueName: "key"))
    var weightKey: String?

    @Option(help: ArgumentHelp(
        "The file holding a run's final layer (a model's state_dict or checkpoint, any format), when its own file "
            + "holds only the activations; repeat it, one per run, in order.", valueName: "file"))
    var weights: [String] = []

    @Option(help: ArgumentHelp("Key of the final-layer bias (default: the weight's layer's bias, bias, …, b; none means zeros).", valueName: "key"))
    var biasKey: String?

    @Option(help: ArgumentHelp("Key of the features to use as one split (its labels and logits are found by the same prefix).", valueName: "key"))
    var featuresKey: String?

    @Option(help: ArgumentHelp("Key of the labels for --features-key.", valueName: "key"))
    var labelsKey: String?

    @Option(help: ArgumentHelp("Key of the logits for --features-key.", valueName: "key"))
    var logitsKey: String?

    @OptionGroup
    var names: ClassNamesOption

    @Flag(help: "Skip rows whose features or logits hold NaN or infinity instead of failing.")
    var dropNonfinite = false

    /// The files these options read besides the runs: the --weights and --class-names files.
    var inputFiles: [String] { weights + names.inputFiles }

    /// These options as they were given, for a command line that reads the runs the same way.
    var arguments: [String] {
        let keys: [(String, String?)] = [("--weight-key", weightKey), ("--bias-key", biasKey), ("--features-key", featuresKey),
                                         ("--labels-key", labelsKey), ("--logits-key", logitsKey), ("--class-names", names.classNames)]
        return weights.flatMap { ["--weights", $0] } + keys.flatMap { option, value in value.map { [option, $0] } ?? [] }
            + (dropNonfinite ? ["--drop-nonfinite"] : [])
    }

    /// Opens and checks the run at `path`, printing its notes to standard error; with
    /// `checkingFeatures` false the caller checks the features itself, in its own pass.
    func load(_ path: String, checkingFeatures: Bool = true) throws -> Run {
        try load([path], checkingFeatures: checkingFeatures)[0]
    }

    /// Opens and checks the runs at `paths` side by side, one a thread, then prints
    /// their notes in order. The runs' arrays are found first (compressed members
    /// inflate concurrently), then checked under one progress bar for all their
    /// feature rows; the first run, in the order given, that fails gives the error.
    func load(_ paths: [String], checkingFeatures: Bool = true) throws -> [Run] {
        guard weights.isEmpty || weights.count == paths.count else {
            throw PenvizError.usage(
                "--weights is given \(weights.count) time\(weights.count == 1 ? "" : "s") for \(paths.count) run\(paths.count == 1 ? "" : "s"): "
                    + "give one final-layer file per run, in the runs' order")
        }
        let discovery = RunDiscovery(
            keys: RunKeys(weight: weightKey, bias: biasKey, features: featuresKey, labels: labelsKey, logits: logitsKey),
            classNamesFile: names.classNames,
            dropNonfinite: dropNonfinite,
            checksFeatures: checkingFeatures)
        let found = RowBlocks.concurrentMap(count: paths.count) { index in
            Result {
                try discovery.parts(
                    in: try openArchive(paths[index]), weights: try weights.isEmpty ? nil : openArchive(weights[index]))
            }
        }
        // Runs after the first one whose arrays cannot be found are not checked: its error comes first.
        let usable = found.prefix { (try? $0.get()) != nil }.compactMap { try? $0.get() }
        let rows = checkingFeatures ? usable.flatMap(\.splits).map(\.features.array.rowCount).reduce(0, +) : 0
        let bar = ProgressBar.start("checking features", total: rows, unit: "rows")
        let checked = RowBlocks.concurrentMap(count: usable.count) { index in
            Result { try discovery.run(from: usable[index], progress: bar) }
        }
        bar?.finish()
        var runs: [Run] = []
        for result in checked {
            let run = try result.get()
            run.notes.forEach(Diagnostics.note)
            runs.append(run)
        }
        if runs.count < found.count { _ = try found[runs.count].get() }
        return runs
    }
}
