import ArgumentParser
import PenvizCore

/// Two classes as the user typed them (`--classes T-shirt/top,Shirt` or
/// `--classes 0,6`), resolved against a run's class names: the a and b of a
/// logit difference z_a − z_b.
struct ClassPair: CustomStringConvertible {
    /// The two tokens, each an id or a name.
    let tokens: [String]

    /// The classes of `argument`; the `transform` of every option that takes them.
    ///
    /// - Throws: `ValidationError` when it does not hold two non-empty classes.
    init(parsing argument: String) throws {
        tokens = try ClassTokens.split(argument, count: 2)
    }

    var description: String { tokens.joined(separator: ",") }

    /// The class ids a and b in `run`; fails (usage) on an unknown class and
    /// when both name the same class.
    func ids(in run: some ClassNaming) throws -> (a: Int, b: Int) {
        let ids = try ClassTokens.ids(tokens, in: run)
        return (ids[0], ids[1])
    }
}
