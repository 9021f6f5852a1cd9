import ArgumentParser
import Foundation
import PenvizCore

/// Classes as the user types them in `--classes`: comma-separated ids or
/// names, resolved against a run and required to be distinct. A comma inside a
/// name (ImageNet's `tench, Tinca tinca`) is written `\,`, a backslash before a
/// comma `\\`. Shared by ``ClassTriplet`` and ``ClassPair``.
enum ClassTokens {
    /// The `count` non-empty tokens of `argument`.
    ///
    /// - Throws: `ValidationError` saying how many classes the option needs and how
    ///   many it got ("needs three classes, got 2"), or that one is empty.
    static func split(_ argument: String, count: Int) throws -> [String] {
        let parts = separated(argument)
        guard parts.count == count else {
            throw ValidationError(
                "needs \(number(count)) classes separated by commas, got \(parts.count)"
                    + (argument.contains(", ") ? " (a comma inside a class name is written \\,)" : ""))
        }
        guard parts.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw ValidationError("needs \(number(count)) classes, and one of them is empty")
        }
        return parts
    }

    /// `argument` cut at every comma not escaped as `\,`; `\,` stands for a comma and
    /// `\\` for a backslash, any other backslash for itself.
    static func separated(_ argument: String) -> [String] {
        var parts = [""]
        var characters = argument.makeIterator()
        while let character = characters.next() {
            switch character {
            case ",": parts.append("")
            case "\\":
                guard let next = characters.next() else {
                    parts[parts.count - 1].append(character)
                    break
                }
                if next != "," && next != "\\" { parts[parts.count - 1].append(character) }
                parts[parts.count - 1].append(next)
            default: parts[parts.count - 1].append(character)
            }
        }
        return parts
    }

    /// "two", "three", or the digits.
    private static func number(_ count: Int) -> String {
        let words = ["no", "one", "two", "three"]
        return count < words.count ? words[count] : String(count)
    }

    /// The class ids of `tokens` in `run`; a usage error for an unknown class
    /// or one named twice.
    static func ids(_ tokens: [String], in run: some ClassNaming) throws -> [Int] {
        let ids = try tokens.map(run.classID(for:))
        guard Set(ids).count == ids.count else {
            throw PenvizError.usage(
                "--classes \(tokens.joined(separator: ",")) names the same class twice; give \(number(ids.count)) distinct classes")
        }
        return ids
    }
}
