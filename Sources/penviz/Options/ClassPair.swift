import ArgumentParser
import PenvizCore

/// Two classes as the user typed them (`--classes T-shirt/top,Shirt` or
/// `--classes 0,6`), resolved against a run's class names: the a and b of a
/// logit difference z_a − z_b.
struct ClassPair: ExpressibleByArgument, CustomStringConvertible {
    /// The two tokens, each an id or a name.
    let tokens: [String]

    init?(argument: String) {
        guard let tokens = ClassTokens.split(argument, count: 2) else { return nil }
        self.tokens = tokens
    }

    var description: String { tokens.joined(separator: ",") }

    static var defaultCompletionKind: CompletionKind { .default }

    /// The class ids a and b in `run`; fails (usage) on an unknown class and
    /// when both name the same class.
    func ids(in run: some ClassNaming) throws -> (a: Int, b: Int) {
        let ids = try ClassTokens.ids(tokens, in: run)
        return (ids[0], ids[1])
    }
}
