import ArgumentParser
import PenvizCore
import PenvizIO

/// How to find a run's arrays: explicit keys that override the search, a
/// class-names file, and what to do with non-finite rows.
struct RunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Key of the final-layer weight (default: weight, fc.weight, classifier.weight, head.weight, out.weight, W).", valueName: "key"))
    var weightKey: String?

    @Option(help: ArgumentHelp("Key of the final-layer bias (default: the weight's layer's bias, bias, …, b; none means zeros).", valueName: "key"))
    var biasKey: String?

    @Option(help: ArgumentHelp("Key of the features to use as one split (its labels and logits are found by the same prefix).", valueName: "key"))
    var featuresKey: String?

    @Option(help: ArgumentHelp("Key of the labels for --features-key.", valueName: "key"))
    var labelsKey: String?

    @Option(help: ArgumentHelp("Key of the logits for --features-key.", valueName: "key"))
    var logitsKey: String?

    @Option(help: ArgumentHelp("Class names: a file with one name a line (UTF-8) or a JSON array of strings.", valueName: "file"))
    var classNames: String?

    @Flag(help: "Skip rows whose features or logits hold NaN or infinity instead of failing.")
    var dropNonfinite = false

    /// Opens and checks the run at `path`, printing its notes to standard error.
    func load(_ path: String) throws -> Run {
        try load(path, checkingFeatures: true)
    }

    /// ``load(_:)``; with `checkingFeatures` false the caller checks the features itself, in its own pass.
    func load(_ path: String, checkingFeatures: Bool) throws -> Run {
        let run = try open(path, checkingFeatures: checkingFeatures)
        run.notes.forEach(Diagnostics.note)
        return run
    }

    /// Opens and checks the runs at `paths` side by side, one a thread (their
    /// compressed members inflate and their values are checked concurrently),
    /// then prints their notes in order. The first run, in the order given,
    /// that fails gives the error.
    func load(_ paths: [String]) throws -> [Run] {
        let results = RowBlocks.concurrentMap(count: paths.count) { index in
            Result { try open(paths[index], checkingFeatures: true) }
        }
        return try results.map { result in
            let run = try result.get()
            run.notes.forEach(Diagnostics.note)
            return run
        }
    }

    /// The run at `path`, found and checked, its notes not yet printed.
    private func open(_ path: String, checkingFeatures: Bool) throws -> Run {
        let discovery = RunDiscovery(
            keys: RunKeys(weight: weightKey, bias: biasKey, features: featuresKey, labels: labelsKey, logits: logitsKey),
            classNamesFile: classNames,
            dropNonfinite: dropNonfinite,
            checksFeatures: checkingFeatures)
        return try discovery.run(in: try openArchive(path))
    }
}
