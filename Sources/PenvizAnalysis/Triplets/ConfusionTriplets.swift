import PenvizCore

/// The triplets `penviz compare --auto similar`, `mixed` and `different` pick by
/// how much the model confuses classes (``ClassConfusion``), measured on the
/// ranking split: `val`, else the first split that stores logits, else the first.
///
/// - `similar`: the triplet a < b < c with the largest S_ab + S_ac + S_bc;
/// - `mixed`: the most confused pair (a, b), the largest S_ab, and the class c
///   that minimises S_ac + S_bc, in that order (the paper's "two semantically
///   similar classes and a third semantically different one");
/// - `different`: the triplet with the smallest S_ab + S_ac + S_bc.
///
/// Only classes with examples in the ranking split take part. Triplets are
/// searched exactly over all of them by a ``TripletSearch`` (the scores are the
/// matrix's own values, so screening and ranking agree); the pair and the third
/// class of `mixed` by a plain scan. Ties go to the lowest ids.
public struct ConfusionTriplets: Sendable {
    /// A triplet, what it scored, and whether it is proven the best.
    public struct Choice: Sendable, Equatable {
        /// The classes, in row order: increasing ids for `similar` and `different`,
        /// the pair then the third class for `mixed`.
        public let triplet: Triplet
        /// `similar`, `different`: the mean of S over the three pairs. `mixed`: S_ab of the pair.
        public let score: Double
        /// `mixed`: the mean of S_ac and S_bc; nil otherwise.
        public let thirdScore: Double?
        /// False when the bounded search stopped at a limit (scores nearly all equal).
        public let isExact: Bool
    }

    /// The split the confusion was measured on.
    public let split: String
    /// Classes with examples in that split, K'.
    public let classCount: Int
    /// The triplets searched: K'(K' − 1)(K' − 2)/6.
    public var tripletCount: Int { classCount * (classCount - 1) * (classCount - 2) / 6 }
    /// The largest mutual confusion.
    public let similar: Choice
    /// The most confused pair and the class least confused with both.
    public let mixed: Choice
    /// The smallest mutual confusion.
    public let different: Choice

    /// Measures the confusion of `run` on `rankingSplit` (or the default) and picks the three triplets.
    ///
    /// - Throws: ``PenvizError`` (input) naming the run when the split is missing,
    ///   when fewer than three classes have examples in it, or when K is past ``ClassConfusion/classLimit``.
    public init(run: Run, rankingSplit: String? = nil) throws {
        let (split, confusion, present) = try Self.measure(run, rankingSplit: rankingSplit)
        let scores = ConfusionScores(confusion: confusion, present: present)
        let found = TripletSearch.best([.largest, .smallest], of: scores)
        func choice(_ result: TripletSearch.Result) -> Choice {
            let ids = result.triplet.ids.map { present[$0] }
            return Choice(triplet: Triplet(ids[0], ids[1], ids[2]), score: result.sum / 3, thirdScore: nil, isExact: result.isExact)
        }
        self.split = split
        classCount = present.count
        similar = choice(found[0])
        different = choice(found[1])
        mixed = Self.mixed(confusion, present: present)
    }

    /// The confusion of `run` on `rankingSplit` (or the default), with the ids of the
    /// classes that have examples in it: the step every ranking by confusion starts with.
    ///
    /// - Throws: ``PenvizError`` (input) naming the run when the split is missing,
    ///   when fewer than three classes have examples in it, when K is past
    ///   ``ClassConfusion/classLimit``, or when the softmax of its logits is not finite.
    static func measure(_ run: Run, rankingSplit: String?) throws -> (split: String, confusion: ClassConfusion, present: [Int]) {
        guard run.classCount <= ClassConfusion.classLimit else {
            throw PenvizError.input(
                run.source, "ranking triplets by confusion takes at most K = \(ClassConfusion.classLimit) classes, the run has "
                    + "K = \(run.classCount): use --auto closest or farthest, or name the classes with --classes")
        }
        let split: Split
        if let rankingSplit {
            guard let named = run.split(named: rankingSplit) else {
                throw PenvizError.input(run.source, "no split '\(rankingSplit)' to rank triplets on; the run has "
                    + run.splits.map(\.name).joined(separator: ", "))
            }
            split = named
        } else {
            split = run.split(named: "val") ?? run.splits.first { $0.logits != nil } ?? run.splits[0]
        }
        let confusion = ClassConfusion(logits: LogitSpace(run: run).modelLogits(of: split), labels: split.labels)
        try split.verifyStorage()
        guard confusion.symmetric.allSatisfy(\.isFinite) else {
            throw PenvizError.input(
                run.source, "the logits of split '\(split.name)' are too large for Float64 arithmetic (their softmax is not"
                    + " finite), so triplets cannot be ranked by confusion: use --auto closest or farthest, or --classes")
        }
        let present = confusion.counts.indices.filter { confusion.counts[$0] > 0 }
        guard present.count >= 3 else {
            throw PenvizError.input(
                run.source, "ranking triplets by confusion needs examples of 3 classes in split '\(split.name)', it has \(present.count)")
        }
        return (split.name, confusion, present)
    }

    /// The most confused pair (a, b), a < b, and the c minimising S_ac + S_bc; ties to the lowest ids.
    private static func mixed(_ confusion: ClassConfusion, present: [Int]) -> Choice {
        var pair = (present[0], present[1])
        for (position, a) in present.enumerated() {
            for b in present[(position + 1)...] where confusion.mutual(a, b) > confusion.mutual(pair.0, pair.1) {
                pair = (a, b)
            }
        }
        var third: Int?
        var least = Double.infinity
        for c in present where c != pair.0 && c != pair.1 {
            // S_ac + S_bc
            let sum = confusion.mutual(pair.0, c) + confusion.mutual(pair.1, c)
            if third == nil || sum < least { (third, least) = (c, sum) }
        }
        return Choice(triplet: Triplet(pair.0, pair.1, third!), score: confusion.mutual(pair.0, pair.1), thirdScore: least / 2,
                      isExact: true)
    }
}

/// The mutual confusion S of the classes with examples, as pair scores of a ``TripletSearch``
/// (indices are positions among those classes, in increasing id).
struct ConfusionScores: PairScores {
    let confusion: ClassConfusion
    /// The class ids with examples, increasing.
    let present: [Int]

    var classCount: Int { present.count }
    /// Screening reads the same values that rank: no error.
    var screeningError: Double { 0 }

    func rows(_ classes: [Int], into out: UnsafeMutablePointer<Double>) {
        for (row, a) in classes.enumerated() {
            for (column, b) in present.enumerated() { out[row * present.count + column] = confusion.mutual(present[a], b) }
        }
    }

    func score(_ a: Int, _ b: Int) -> Double {
        confusion.mutual(present[a], present[b])
    }
}
