import ArgumentParser
import PenvizCore

/// Three classes as the user typed them (`--classes airplane,automobile,bird`
/// or `--classes 0,1,2`); resolved against a run's class names.
struct ClassTriplet: CustomStringConvertible {
    /// The three tokens, each an id or a name.
    let tokens: [String]

    /// The classes of `argument`; the `transform` of every option that takes them.
    ///
    /// - Throws: `ValidationError` when it does not hold three non-empty classes.
    init(parsing argument: String) throws {
        tokens = try ClassTokens.split(argument, count: 3)
    }

    var description: String { tokens.joined(separator: ",") }

    /// The class ids in `run`; fails (usage) on an unknown or repeated class,
    /// and (input) when the run has fewer than three classes.
    func ids(in run: Run) throws -> [Int] {
        guard run.classCount >= 3 else {
            throw PenvizError.input(run.source, "a triplet needs K ≥ 3 classes, the run has K = \(run.classCount)")
        }
        return try ClassTokens.ids(tokens, in: run)
    }

    /// The triplet `(a, b, c)` of ``ids(in:)``.
    func triplet(in run: Run) throws -> Triplet {
        let ids = try ids(in: run)
        return Triplet(ids[0], ids[1], ids[2])
    }
}
