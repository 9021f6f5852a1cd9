import ArgumentParser
import Foundation
import PenvizCore

/// What to call each of several runs and which label smoothing α each had:
/// `--labels hard,smoothed --alpha 0,0.1` (or `--label-smoothing`), one value per run.
struct RunLabelOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("A label per run, for titles, tables and JSON (default: the file names without extension).", valueName: "a,b"),
        transform: { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) })
    var labels: [String]?

    @Option(
        name: [.customLong("alpha"), .customLong("label-smoothing")],
        help: ArgumentHelp("Label smoothing α of each run (default: the runs' stored label_smoothing).", valueName: "α,α"),
        transform: RunLabelOptions.alphas)
    var labelSmoothing: [Double]?

    /// `--labels` and `--alpha` as they were given, for a command line that names the runs the same way.
    var arguments: [String] {
        (labels.map { ["--labels", $0.joined(separator: ",")] } ?? [])
            + (labelSmoothing.map { ["--alpha", $0.map { String($0) }.joined(separator: ",")] } ?? [])
    }

    /// Checks that there is one label (non-empty, all distinct) and one α per run.
    func check(runCount: Int) throws {
        if let labels {
            guard labels.count == runCount else {
                throw ValidationError("--labels gives \(labels.count) labels for \(runCount) runs")
            }
            guard !labels.contains(where: \.isEmpty), Set(labels).count == labels.count else {
                throw ValidationError("--labels must be non-empty and distinct: \(labels.joined(separator: ","))")
            }
        }
        if let labelSmoothing, labelSmoothing.count != runCount {
            throw ValidationError("--alpha gives \(labelSmoothing.count) values for \(runCount) runs")
        }
    }

    /// The label of each run called `names` (its file name): `--labels`, or the
    /// names with a repeated name numbered from its second use (`run`, `run 2`).
    func labels(of names: [String]) -> [String] {
        if let labels { return labels }
        var used = Set<String>()
        return names.map { name in
            var candidate = name, number = 1
            while used.contains(candidate) {
                number += 1
                candidate = "\(name) \(number)"
            }
            used.insert(candidate)
            return candidate
        }
    }

    /// The α given for run `index`; nil leaves the run's stored value.
    func alpha(ofRun index: Int) -> Double? {
        labelSmoothing?[index]
    }

    /// Parses `0,0.1` into label smoothing values in [0, 1), the range a run may store.
    private static func alphas(_ text: String) throws -> [Double] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { token in
            guard let value = Double(token.trimmingCharacters(in: .whitespaces)), value >= 0, value < 1 else {
                throw ValidationError("--alpha: '\(token)' is not a number in [0, 1)")
            }
            return value
        }
    }
}
