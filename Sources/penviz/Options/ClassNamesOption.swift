import ArgumentParser
import PenvizCore
import PenvizIO

/// `--class-names FILE`: class names from a file instead of the run's own. Part of
/// ``RunOptions``, and the only run option of `penviz erasure`, which reads no
/// final layer or features.
struct ClassNamesOption: ParsableArguments {
    @Option(help: ArgumentHelp("Class names: a file with one name a line (UTF-8) or a JSON array of strings.", valueName: "file"))
    var classNames: String?

    /// The file given, as an input the outputs must not overwrite.
    var inputFiles: [String] { classNames.map { [$0] } ?? [] }

    /// The augmented logits of the run at `path` for information erasure, with these
    /// class names, in `layout` (nil: told from the labels and the shape); nil when it
    /// holds none (``RunDiscovery/augmentedRun(in:layout:)``).
    func augmentedRun(_ path: String, layout: AugmentedLayout?) throws -> AugmentedRun? {
        try RunDiscovery(classNamesFile: classNames).augmentedRun(in: try openArchive(path), layout: layout)
    }
}
