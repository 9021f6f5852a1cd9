import ArgumentParser

/// Split names as the user typed them (`--splits train,val`): one or more,
/// none empty and none twice; anything else is a usage error at parsing.
struct SplitNames: ExpressibleByArgument, CustomStringConvertible {
    /// The names, in the order given.
    let names: [String]

    init?(argument: String) {
        let names = argument.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard names.allSatisfy({ !$0.isEmpty }), Set(names).count == names.count else { return nil }
        self.names = names
    }

    var description: String { names.joined(separator: ",") }

    static var defaultCompletionKind: CompletionKind { .default }
}
