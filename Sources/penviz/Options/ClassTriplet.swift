import ArgumentParser
import PenvizCore

/// Three classes as the user typed them (`--classes airplane,automobile,bird`
/// or `--classes 0,1,2`); resolved against a run's class names.
struct ClassTriplet: ExpressibleByArgument, CustomStringConvertible {
    /// The three tokens, each an id or a name.
    let tokens: [String]

    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        tokens = parts
    }

    var description: String { tokens.joined(separator: ",") }

    static var defaultCompletionKind: CompletionKind { .default }

    /// The class ids in `run`; fails (usage) on an unknown or repeated class,
    /// and when the run has fewer than three classes.
    func ids(in run: Run) throws -> [Int] {
        guard run.classCount >= 3 else {
            throw PenvizError.input(run.source, "a triplet needs K ≥ 3 classes, the run has K = \(run.classCount)")
        }
        let ids = try tokens.map(run.classID(for:))
        guard Set(ids).count == 3 else {
            throw PenvizError.usage("--classes \(self) names the same class twice; give three distinct classes")
        }
        return ids
    }
}
