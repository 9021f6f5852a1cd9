import Foundation

/// Everything saved from one trained model: the final layer, the class names
/// and one or more splits of examples.
///
/// A run is built from ``RunParts`` by ``init(parts:dropNonfinite:)``, which
/// checks it; every `Run` in penviz is therefore consistent: K classes, D
/// features, labels in range and finite values.
public struct Run: ClassNaming, Sendable {
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

    /// The split called `name`.
    ///
    /// - Throws: ``PenvizError`` (input) naming the run and the splits it has when it has no such split.
    public func requiredSplit(named name: String) throws -> Split {
        guard let split = split(named: name) else {
            throw PenvizError.input(source, "no split '\(name)'; the run has \(splits.map(\.name).joined(separator: ", "))")
        }
        return split
    }
}
