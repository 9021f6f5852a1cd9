import PenvizCore

/// How `penviz compare --auto` picks a triplet (issue 18).
///
/// Three criteria read the model's confusion, the standard proxy for semantic
/// similarity (``ConfusionTriplets``), as the paper's rows mean "similar" and
/// "different"; two read the templates' geometry (``TemplateTriplets``).
public enum TripletCriterion: String, Codable, Sendable, CaseIterable {
    /// The three classes the model confuses most with each other (the largest mutual confusion).
    case similar
    /// The pair the model confuses most, and the class it confuses least with both:
    /// the paper's "two semantically similar classes and a third semantically different one".
    case mixed
    /// The three classes the model confuses least with each other.
    case different
    /// The three classes whose templates are closest together in the full space.
    case closest
    /// The three classes whose templates are farthest apart.
    case farthest

    /// True for the criteria that read the confusion matrix rather than the templates.
    public var readsConfusion: Bool {
        switch self {
        case .similar, .mixed, .different: true
        case .closest, .farthest: false
        }
    }

    /// The most classes the criterion's search takes.
    public var classLimit: Int {
        readsConfusion ? ClassConfusion.classLimit : TemplateTriplets.classLimit
    }
}
