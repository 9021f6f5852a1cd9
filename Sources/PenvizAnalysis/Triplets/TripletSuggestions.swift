import PenvizCore

/// The few triplets most and least confused by a model, ranked as `--auto similar`
/// and `--auto different` rank them (``ConfusionTriplets``): the suggestion lists
/// of `penviz serve`.
///
/// Each list holds the `count` triplets a < b < c of the largest (`similar`) or the
/// smallest (`different`) sum `(S_ab + S_ac) + S_bc`, best first, ties to the lowest
/// ids, so its first entry is the `--auto` pick.
///
/// **Search.** Every triplet has a largest pair (for `similar`; a smallest for
/// `different`), and its sum is at most (at least) three times that pair's S. The
/// pairs are visited by S, most promising first; each is completed by every third
/// class, and the visit stops once three times the pair's S can no longer reach the
/// list's last sum. That is exact, and fast when the scores are spread out as
/// confusions are; when they are nearly all equal the visit stops after
/// ``stepBudget`` completions and ``isExact`` says the lists are the best found.
/// Memory: the K'(K' − 1)/2 pairs.
public struct TripletSuggestions: Sendable {
    /// One suggested triplet.
    public struct Entry: Sendable, Equatable {
        /// The classes, a < b < c.
        public let triplet: Triplet
        /// The mean mutual confusion of its three pairs, (S_ab + S_ac + S_bc) / 3.
        public let score: Double
    }

    /// The split the confusion was measured on.
    public let split: String
    /// The most confused triplets, most first.
    public let similar: [Entry]
    /// The least confused triplets, least first.
    public let different: [Entry]
    /// False when a list stopped at ``stepBudget`` and is the best found, not proven the best.
    public let isExact: Bool

    /// Third classes tried in all, for each list.
    public static let stepBudget = 50_000_000

    /// The `count` most and least confused triplets of `run` on `rankingSplit` (by default as `--auto`: val, else …).
    ///
    /// - Throws: ``PenvizError`` (input) as ``ConfusionTriplets/init(run:rankingSplit:)`` does.
    public init(run: Run, rankingSplit: String? = nil, count: Int = 10) throws {
        precondition(count >= 1, "TripletSuggestions: count must be at least 1")
        let (split, confusion, present) = try ConfusionTriplets.measure(run, rankingSplit: rankingSplit)
        let largest = Self.ranked(confusion, present: present, count: count, largest: true)
        let smallest = Self.ranked(confusion, present: present, count: count, largest: false)
        self.split = split
        similar = largest.entries
        different = smallest.entries
        isExact = largest.isExact && smallest.isExact
    }

    /// A pair of classes and its mutual confusion.
    private struct Pair {
        let score: Double
        let a: Int
        let b: Int
    }

    /// The best `count` triplets of `present` by the largest (or smallest) sum, and whether the search finished.
    private static func ranked(
        _ confusion: ClassConfusion, present: [Int], count: Int, largest: Bool
    ) -> (entries: [Entry], isExact: Bool) {
        // sum = (S_ab + S_ac) + S_bc over a < b < c, as the --auto search adds it
        func sum(_ ids: [Int]) -> Double {
            (confusion.mutual(ids[0], ids[1]) + confusion.mutual(ids[0], ids[2])) + confusion.mutual(ids[1], ids[2])
        }
        // x is better than y: the larger (smaller) sum, then the lower ids.
        func better(_ x: (sum: Double, ids: [Int]), _ y: (sum: Double, ids: [Int])) -> Bool {
            x.sum != y.sum ? (largest ? x.sum > y.sum : x.sum < y.sum) : x.ids.lexicographicallyPrecedes(y.ids)
        }
        var pairs: [Pair] = []
        pairs.reserveCapacity(present.count * (present.count - 1) / 2)
        for (position, a) in present.enumerated() {
            for b in present[(position + 1)...] { pairs.append(Pair(score: confusion.mutual(a, b), a: a, b: b)) }
        }
        pairs.sort { x, y in x.score != y.score ? (largest ? x.score > y.score : x.score < y.score) : (x.a, x.b) < (y.a, y.b) }

        var best: [(sum: Double, ids: [Int])] = []
        var steps = 0
        let k = confusion.classCount
        return confusion.symmetric.withUnsafeBufferPointer { s in
            for pair in pairs {
                // Every triplet not yet completed has its best pair at or after this one: 3·S bounds its sum.
                if best.count == count, let last = best.last, largest ? 3 * pair.score < last.sum : 3 * pair.score > last.sum {
                    return (best.map(entry), true)
                }
                if steps > stepBudget { return (best.map(entry), false) }
                steps += present.count
                for c in present where c != pair.a && c != pair.b {
                    // The sum in this order is within a few ulps of the ranked one: far worse than the
                    // list's last, the triplet is out without the exact sum.
                    let quick = pair.score + s[pair.a * k + c] + s[pair.b * k + c]
                    if best.count == count, let last = best.last {
                        let slack = 1e-12 * abs(last.sum)
                        if largest ? quick < last.sum - slack : quick > last.sum + slack { continue }
                    }
                    let ids = [pair.a, pair.b, c].sorted()
                    let candidate = (sum: sum(ids), ids: ids)
                    guard best.count < count || better(candidate, best[best.count - 1]) else { continue }
                    guard !best.contains(where: { $0.ids == ids }) else { continue }
                    best.insert(candidate, at: best.firstIndex { better(candidate, $0) } ?? best.count)
                    if best.count > count { best.removeLast() }
                }
            }
            return (best.map(entry), true)
        }
    }

    private static func entry(_ found: (sum: Double, ids: [Int])) -> Entry {
        Entry(triplet: Triplet(found.ids[0], found.ids[1], found.ids[2]), score: found.sum / 3)
    }
}
