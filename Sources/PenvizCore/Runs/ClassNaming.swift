import Foundation

/// Something that names K classes and came from a file: a ``Run``, an
/// ``AugmentedRun``. It turns what a user types for a class into its id.
public protocol ClassNaming {
    /// The file or folder the classes came from.
    var source: String { get }
    /// K class names (ids as text when none were stored).
    var classNames: [String] { get }
}

extension ClassNaming {
    /// The class id a user means by `token`: a class name (exact match first),
    /// an integer id in 0..<K, or a name that matches one class without regard to case.
    ///
    /// - Throws: ``PenvizError`` (usage) for an id out of range or an unknown name.
    public func classID(for token: String) throws -> Int {
        let classCount = classNames.count
        let trimmed = token.trimmingCharacters(in: .whitespaces)
        if let index = classNames.firstIndex(of: trimmed) { return index }
        if let id = Int(trimmed), (0..<classCount).contains(id) { return id }
        if let id = Int(trimmed) {
            throw PenvizError.usage("class id \(id) is out of range: \(source) has \(classCount) classes (0…\(classCount - 1))")
        }
        let lowered = trimmed.lowercased()
        let matches = classNames.indices.filter { classNames[$0].lowercased() == lowered }
        if matches.count == 1 { return matches[0] }
        throw PenvizError.usage("unknown class '\(trimmed)' in \(source); \(known(near: lowered))")
    }

    /// What the classes are, kept to one readable line at any K: every name up to
    /// ``listedClasses`` of them; past that, the names that contain `lowered` (any case),
    /// or the first names and the range of ids. A name holding a comma is quoted.
    private func known(near lowered: String) -> String {
        func shown(_ id: Int) -> String {
            classNames[id].contains(",") ? "'\(classNames[id])'" : classNames[id]
        }
        let classCount = classNames.count
        if classCount <= listedClasses { return "classes are: " + classNames.indices.map(shown).joined(separator: ", ") }
        let containing = lowered.isEmpty ? [] : classNames.indices.filter { classNames[$0].lowercased().contains(lowered) }
        if !containing.isEmpty {
            let more = containing.count > listedClasses ? ", … (\(containing.count) in all)" : ""
            return "classes whose name contains it: "
                + containing.prefix(listedClasses).map { "\(shown($0)) (\($0))" }.joined(separator: ", ") + more
        }
        return "the run has \(classCount) classes, ids 0…\(classCount - 1): "
            + (0..<listedClasses).map(shown).joined(separator: ", ") + ", …"
    }

    /// The most class names an error lists.
    private var listedClasses: Int { 20 }
}
