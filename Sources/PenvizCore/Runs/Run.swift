import Foundation

/// Everything saved from one trained model: the final layer, the class names
/// and one or more splits of examples.
///
/// A run is built from ``RunParts`` by ``init(parts:dropNonfinite:)``, which
/// checks it; every `Run` in penviz is therefore consistent: K classes, D
/// features, labels in range and finite values.
public struct Run: Sendable {
    /// The file or folder the run came from.
    public let source: String
    /// A short name for titles.
    public let name: String
    /// The K×D final-layer weight, in Float64.
    public let weight: Matrix
    /// The K final-layer biases (zeros when the run stored none).
    public let bias: [Double]
    /// False when the run stored no bias and ``bias`` is all zeros.
    public let hasStoredBias: Bool
    /// K class names.
    public let classNames: [String]
    /// The splits, in display order.
    public let splits: [Split]
    /// The run's label smoothing α, when it stored one.
    public let labelSmoothing: Double?
    /// N×L×K logits of augmented passes, by key (for information erasure).
    public let augmentedLogits: [String: ArrayView]
    /// Things the user should know that are not errors (a missing bias, dropped rows).
    public let notes: [String]

    /// Number of classes, K.
    public var classCount: Int { weight.rows }
    /// Feature dimension, D.
    public var dimension: Int { weight.columns }

    /// The split called `name`, if the run has it.
    public func split(named name: String) -> Split? {
        splits.first { $0.name == name }
    }

    /// The class id a user means by `token`: a class name (exact match first)
    /// or an integer id in 0..<K.
    public func classID(for token: String) throws -> Int {
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
