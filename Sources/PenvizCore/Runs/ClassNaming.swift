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
        throw PenvizError.usage("unknown class '\(trimmed)' in \(source); classes are: \(classNames.joined(separator: ", "))")
    }
}
