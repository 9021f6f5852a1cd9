import ArgumentParser
import Foundation
import PenvizAnalysis
import PenvizCore
import PenvizIO

/// `penviz project`: the plane coordinates of one split's examples.
struct Project: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the template-plane coordinates of a split's examples.",
        discussion: """
            Builds the plane through the bias-augmented templates of three classes \
            (origin at their centroid, Gram–Schmidt basis e1 along b − a, e2 towards c) \
            and writes index, label, class, p1, p2 for every example of those classes \
            (of every class with --all-classes). CSV and JSON carry the class names; \
            .npy holds a float64 N×4 array [index, label, p1, p2]. JSON also holds \
            the basis and the template coordinates.

            Example:
              penviz project examples/fashion-mnist/smoothed.npz \\
                  --classes T-shirt/top,Pullover,Shirt --split val --out coords.csv
            """)

    @Argument(help: ArgumentHelp("The run: .npz, .safetensors or a folder of .npy files.", valueName: "run"))
    var runPath: String

    @Option(help: ArgumentHelp("Three classes, by name or id: a,b,c (a comma inside a name is \\,).", valueName: "a,b,c"), transform: ClassTriplet.init(parsing:))
    var classes: ClassTriplet

    @Option(help: ArgumentHelp("The split to project (default: val when the run has it, else its first split).", valueName: "name"))
    var split: String?

    @Flag(help: "Project the examples of every class, not only the three.")
    var allClasses = false

    @Flag(help: "Leave the bias out of the templates and the appended 1 out of the examples.")
    var noBias = false

    @Option(help: ArgumentHelp("Output file: .csv, .npy or .json (missing folders are made).", valueName: "file"))
    var out: String

    @OptionGroup(title: "Run keys")
    var runOptions: RunOptions

    func run() throws {
        let output = try OutputPath(out, allowed: [.csv, .npy, .json])
        try InputProtection.check(inputs: [runPath] + runOptions.inputFiles, outputs: [out])
        // The features are checked by the projection itself (one pass over a large file, not two).
        let loaded = try runOptions.load(runPath, checkingFeatures: false)
        let ids = try classes.ids(in: loaded)
        let chosen = try SplitChoice.one(split, in: loaded)
        let plane = try TemplatePlane(
            weight: loaded.weight, bias: loaded.bias, triplet: Triplet(ids[0], ids[1], ids[2]),
            includeBias: !noBias, classNames: loaded.classNames)

        // Every row (nil), or the rows of the three classes by a class-indexed mask: one
        // array read a row (a Set lookup hashed every row).
        let wanted = (0..<loaded.classCount).map { ids.contains($0) }
        var rows = allClasses ? nil : chosen.labels.indices.filter { wanted[chosen.labels[$0]] }
        let bar = ProgressBar.start("projecting \(chosen.name)", total: rows?.count ?? chosen.count, unit: "rows")
        var points = plane.project(features: chosen.features, rows: rows, progress: bar)
        bar?.finish()
        try chosen.features.verifyStorage()

        let bad = TemplatePlane.nonfiniteRows(of: chosen.features, rows: rows, points: points)
        if let first = bad.first {
            guard runOptions.dropNonfinite else {
                throw PenvizError.input(
                    loaded.source, key: chosen.featuresKey,
                    "row \(chosen.fileRow(first)) holds a non-finite value (use --drop-nonfinite to skip such rows)")
            }
            Diagnostics.note("\(loaded.source): split '\(chosen.name)': dropped \(bad.count) rows with non-finite values")
            let dropped = Set(bad)
            let kept = points.indices.filter { !dropped.contains(rows?[$0] ?? $0) }
            (rows, points) = (kept.map { rows?[$0] ?? $0 }, kept.map { points[$0] })
        }
        let table = ProjectedTable(run: loaded, split: chosen, plane: plane, rows: rows, points: points)

        switch output.format {
        case .csv: try table.writeCSV(to: output.path)
        case .npy: try table.writeNpy(to: output.path)
        default: try AtomicFile.write(try table.json(), to: output.path)
        }
    }
}
