import Foundation
import PenvizCore

/// One row of a comparison: three classes, how they were chosen, and why.
public struct ComparedTriplet: Equatable, Sendable {
    /// How a triplet was chosen: named by the user, or by one of the ``TripletCriterion``s.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Named by the user (`--classes`).
        case given
        /// The three classes the model confuses most (`--auto similar`).
        case similar
        /// The most confused pair and the class least confused with both (`--auto mixed`).
        case mixed
        /// The three classes the model confuses least (`--auto different`).
        case different
        /// The three closest templates (`--auto closest`).
        case closest
        /// The three templates farthest apart (`--auto farthest`).
        case farthest

        /// The kind of a triplet `criterion` picked.
        public init(_ criterion: TripletCriterion) {
            self = Kind(rawValue: criterion.rawValue)!
        }
    }

    /// How the triplet was chosen.
    public var kind: Kind
    /// The classes, in plane order.
    public var triplet: Triplet
    /// False for an automatic triplet that is the best the bounded search found,
    /// not proven the best (scores nearly all equal; ``TripletSearch``).
    public var isExact: Bool
    /// Why an automatic triplet was chosen, in words with its numbers
    /// ("mean mutual confusion 0.0812 on val, the highest of 120 triplets"); nil for a given one.
    public var reason: String?

    /// A row from its parts.
    public init(kind: Kind, triplet: Triplet, isExact: Bool = true, reason: String? = nil) {
        self.kind = kind
        self.triplet = triplet
        self.isExact = isExact
        self.reason = reason
    }

    /// The automatic triplets `criteria` asks for, in that order, each searched
    /// exactly over the first run `run`: the confusion criteria on its ranking split
    /// (``ConfusionTriplets``), the template ones on its templates in the given
    /// bias mode (``TemplateTriplets``). Each search runs once, whatever the number of rows it feeds.
    ///
    /// - Throws: ``PenvizError`` (input) when the run has fewer than three classes,
    ///   more than the criterion's ``TripletCriterion/classLimit``, or (confusion)
    ///   fewer than three classes with examples on the ranking split.
    public static func automatic(_ criteria: [TripletCriterion], in run: Run, includeBias: Bool) throws -> [ComparedTriplet] {
        guard !criteria.isEmpty else { return [] }
        guard run.classCount >= 3 else {
            throw PenvizError.input(run.source, "automatic triplets need at least 3 classes, the run has \(run.classCount)")
        }
        let confusion = try criteria.contains(where: \.readsConfusion) ? ConfusionTriplets(run: run) : nil
        let templates: TemplateTriplets?
        do {
            templates = try criteria.contains { !$0.readsConfusion }
                ? TemplateTriplets(templates: ClassTemplates(weight: run.weight, bias: run.bias, includeBias: includeBias)) : nil
        } catch let error as PenvizError {
            throw PenvizError.input(run.source, error.message)
        }
        return criteria.map { criterion in
            switch criterion {
            case .similar, .different:
                let choice = criterion == .similar ? confusion!.similar : confusion!.different
                let reason = "mean mutual confusion \(shown(choice.score)) on \(confusion!.split), the "
                    + (criterion == .similar ? "highest" : "lowest") + " of \(counted(confusion!.tripletCount)) triplets"
                return ComparedTriplet(kind: Kind(criterion), triplet: choice.triplet, isExact: choice.isExact, reason: reason)
            case .mixed:
                let choice = confusion!.mixed
                let reason = "the most confused pair on \(confusion!.split) (mutual confusion \(shown(choice.score))) and the class"
                    + " least confused with both (\(shown(choice.thirdScore!)))"
                return ComparedTriplet(kind: .mixed, triplet: choice.triplet, reason: reason)
            case .closest, .farthest:
                let choice = criterion == .closest ? templates!.closest : templates!.farthest
                let reason = "mean template distance \(shown(choice.separation)), the "
                    + (criterion == .closest ? "smallest" : "largest") + " of \(counted(run.classCount * (run.classCount - 1) * (run.classCount - 2) / 6)) triplets"
                return ComparedTriplet(kind: Kind(criterion), triplet: choice.triplet, isExact: choice.isExact, reason: reason)
            }
        }
    }

    /// A score with three significant digits: `0.0812`, `1.2e-05`.
    private static func shown(_ value: Double) -> String {
        String(format: "%.3g", value)
    }

    /// A count with thousands separated by commas: `166,167,000`.
    private static func counted(_ count: Int) -> String {
        let digits = String(count)
        return digits.enumerated().map { index, digit in
            index > 0 && (digits.count - index) % 3 == 0 ? ",\(digit)" : String(digit)
        }.joined()
    }
}
