import PenvizCore

/// The triplets `penviz compare --auto closest` and `--auto farthest` pick
/// (DESIGN.md §3): the one whose templates are closest together and the one
/// whose templates are farthest apart.
///
/// The separation of a triplet is the mean of its three pairwise template
/// distances in the full space (in the bias mode of the ``ClassTemplates``).
/// Both are found by a ``TripletSearch`` over the ``TemplateDistances``: exact
/// over all `K(K−1)(K−2)/6` triplets, with memory O(K·k) and a Gram matrix
/// computed a block of rows at a time, never the K×K matrix. Sums
/// `(d_ab + d_ac) + d_bc` are compared rather than means (same order); ties go
/// to the lexicographically lowest `(a, b, c)` with a < b < c.
public struct TemplateTriplets: Codable, Sendable, Equatable {
    /// A triplet with its separation.
    public struct Choice: Codable, Sendable, Equatable {
        /// The classes, in increasing id.
        public let triplet: Triplet
        /// Mean of the three pairwise template distances.
        public let separation: Double
        /// False when the templates are so evenly spread that the search reached one of
        /// its bounds: the triplet is then the best found, not proven the best.
        public let isExact: Bool
    }

    /// The triplet with the smallest separation.
    public let closest: Choice
    /// The triplet with the largest separation.
    public let farthest: Choice

    /// The most classes the search takes. Its time grows as K²·D (the Gram
    /// matrix of the templates, a block of rows at a time, once for both
    /// triplets): a few seconds at K = 10,000 and D = 2048 on two cores.
    public static let classLimit = 10_000

    /// Searches every triplet of `templates`.
    ///
    /// - Throws: ``PenvizError`` (input) with fewer than three classes or more than ``classLimit``.
    public init(templates: ClassTemplates) throws {
        let k = templates.count
        guard k >= 3 else {
            throw PenvizError(.input, "automatic triplets need at least 3 classes, the run has \(k)")
        }
        guard k <= Self.classLimit else {
            throw PenvizError(
                .input, "automatic triplets search at most K = \(Self.classLimit) classes, the run has K = \(k): "
                    + "name the classes with --classes")
        }
        let distances = TemplateDistances(templates)
        let found = TripletSearch.best([.smallest, .largest], of: distances).map { result in
            // The sum is of scaled distances: divide by the (power of two) scale, exactly.
            Choice(triplet: result.triplet, separation: result.sum / 3 / distances.scale, isExact: result.isExact)
        }
        closest = found[0]
        farthest = found[1]
    }
}
