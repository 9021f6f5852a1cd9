import PenvizCore

/// Classes as the user types them in `--classes`: comma-separated ids or
/// names, resolved against a run and required to be distinct. Shared by
/// ``ClassTriplet`` and ``ClassPair``.
enum ClassTokens {
    /// The `count` non-empty tokens of `argument`, or nil when it has another number of them.
    static func split(_ argument: String, count: Int) -> [String]? {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == count, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        return parts
    }

    /// The class ids of `tokens` in `run`; a usage error for an unknown class
    /// or one named twice.
    static func ids(_ tokens: [String], in run: some ClassNaming) throws -> [Int] {
        let ids = try tokens.map(run.classID(for:))
        guard Set(ids).count == ids.count else {
            let words = ["", "", "two", "three"]
            let many = ids.count < words.count ? words[ids.count] : String(ids.count)
            throw PenvizError.usage(
                "--classes \(tokens.joined(separator: ",")) names the same class twice; give \(many) distinct classes")
        }
        return ids
    }
}
