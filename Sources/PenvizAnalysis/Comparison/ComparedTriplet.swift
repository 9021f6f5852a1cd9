import PenvizCore

/// One row of a comparison: three classes, and how they were chosen.
public struct ComparedTriplet: Equatable, Sendable {
    /// How a triplet was chosen.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Named by the user (`--classes`).
        case given
        /// The triplet whose templates are closest together (`--auto similar`).
        case similar
        /// The triplet whose templates are farthest apart (`--auto different`).
        case different
    }

    /// How the triplet was chosen.
    public var kind: Kind
    /// The classes, in plane order.
    public var triplet: Triplet
    /// False for an automatic triplet that is the best the bounded search found,
    /// not proven the best (templates nearly all equally far apart; ``AutoTriplets``).
    public var isExact: Bool

    /// A row from its parts.
    public init(kind: Kind, triplet: Triplet, isExact: Bool = true) {
        self.kind = kind
        self.triplet = triplet
        self.isExact = isExact
    }

    /// The automatic triplets `criteria` asks for, in that order, searched once
    /// over the templates of `run` (DESIGN.md §3: exact over all K choose 3
    /// triplets, ties to the lowest ids) in the given bias mode.
    ///
    /// - Throws: ``PenvizError`` (input) when the run has fewer than three classes
    ///   or more than ``AutoTriplets/classLimit``.
    public static func automatic(_ criteria: [AutoTriplets.Criterion], in run: Run, includeBias: Bool) throws -> [ComparedTriplet] {
        guard !criteria.isEmpty else { return [] }
        let search: AutoTriplets
        do {
            search = try AutoTriplets(templates: ClassTemplates(weight: run.weight, bias: run.bias, includeBias: includeBias))
        } catch let error as PenvizError {
            throw PenvizError.input(run.source, error.message)
        }
        return criteria.map { criterion in
            let choice = search.choice(criterion)
            return ComparedTriplet(kind: criterion == .similar ? .similar : .different, triplet: choice.triplet, isExact: choice.isExact)
        }
    }
}
