import ArgumentParser
import PenvizCore

/// Two classes as the user typed them (`--classes T-shirt/top,Shirt` or
/// `--classes 0,6`), resolved against a run's class names: the a and b of a
/// logit difference z_a − z_b.
struct ClassPair: ExpressibleByArgument, CustomStringConvertible {
    /// The two tokens, each an id or a name.
    let tokens: (a: String, b: String)

    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        tokens = (parts[0], parts[1])
    }

    var description: String { "\(tokens.a),\(tokens.b)" }

    static var defaultCompletionKind: CompletionKind { .default }

    /// The class ids a and b in `run`; fails (usage) on an unknown class and
    /// when both name the same class.
    func ids(in run: Run) throws -> (a: Int, b: Int) {
        let ids = (a: try run.classID(for: tokens.a), b: try run.classID(for: tokens.b))
        guard ids.a != ids.b else {
            throw PenvizError.usage("--classes \(self) names the same class twice; give two distinct classes")
        }
        return ids
    }
}
