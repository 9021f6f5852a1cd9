import PenvizCore

/// The triplet of classes `a < b < c` whose three pair scores add up to the
/// smallest (or the largest) sum, `(s_ab + s_ac) + s_bc`, searched exactly with
/// memory O(K·k) instead of the K×K matrix and time far below the K³/6 triplets.
///
/// **Screening.** Each row of the score matrix is computed once, in blocks of
/// ``blockRows`` rows, and only its ``Limits/listLength`` lowest entries are kept
/// (a ``NeighbourList``), with the row's minimum `r_a`. Let `U` be a sum known
/// to be reached (the best triangle inside the lists, or a class with its two
/// nearest). In the winning triplet the other two pairs of each pair score at
/// least the row minima of its two classes, so
///
///     s_ab + r_b ≤ U − r_a   (plus 3ε, ε the screening error of a pair)
///
/// A row whose list may miss such a pair (a class b with `r_b` low enough is not
/// listed) is computed again and keeps every pair within the bound (at most
/// ``Limits/rowLimit``, or a share of ``Limits/pairBudget`` when that is more). Then every triplet of such pairs is enumerated, row a giving
/// `s_ab, s_ac` and row b giving `s_bc`, pruned by increasing score.
///
/// **Ranking.** The triplets whose screened sum lies within 6ε of the best are
/// scored again with ``PairScores/score(_:_:)``, the ranked score; the lowest sum
/// wins, ties to the lexicographically lowest `(a, b, c)`. The answer is therefore
/// the exact one over all triplets, unless a bound of ``Limits`` was reached: more
/// rows to compute again than ``Limits/refreshRows`` allows, a row with more pairs
/// within its bound than its limit, an enumeration of more than
/// ``Limits/stepBudget`` steps, or more than ``Limits/candidateLimit`` triplets
/// tied within 6ε. Each happens only when the scores are nearly all equal; the
/// triplet is then the best found, and ``Result/isExact`` says so. (With
/// screening scores equal to the ranked ones, ties past the candidate limit are
/// harmless: the lowest in `(sum, a, b, c)` order are kept.)
enum TripletSearch {
    /// Which end of the sums to find.
    enum Goal: Sendable {
        /// The smallest sum of pair scores.
        case smallest
        /// The largest sum of pair scores.
        case largest
    }

    /// The winning triplet.
    struct Result: Sendable, Equatable {
        /// The classes, a < b < c.
        let triplet: Triplet
        /// `(s_ab + s_ac) + s_bc` in ranked scores.
        let sum: Double
        /// False when a bound of the search was reached and the triplet is the best found, not proven the best.
        let isExact: Bool
    }

    /// The bounds on the search's memory and time.
    struct Limits: Sendable {
        /// Entries kept a row in the screening pass.
        var listLength = 32
        /// Pairs kept a row within its bound: at least this many, more when few rows are computed again.
        var rowLimit = 256
        /// Pairs kept within their bounds in all the rows computed again: the row limit
        /// is this shared among them (never below ``rowLimit``).
        var pairBudget = 2_000_000
        /// Rows computed again for one goal, at most: this many, or this share of K when
        /// that is more. Past it the goal's scores are nearly all equal (templates on a line,
        /// say), and it keeps its screening lists.
        var refreshRows = 2048
        /// See ``refreshRows``.
        var refreshShare = 0.25
        /// Pairs `(b, c)` the enumeration looks at, at most (a few seconds).
        var stepBudget = 500_000_000
        /// Near-tied triplets ranked by their exact scores.
        var candidateLimit = 4096
    }

    /// Rows of the score matrix computed at once.
    static let blockRows = 256

    /// A triplet and its screened (or ranked) sum.
    fileprivate struct Candidate: Sendable {
        var sum: Double
        var triplet: Triplet

        /// Lower sum first, then the lexicographically lower triplet.
        func precedes(_ other: Candidate) -> Bool {
            (sum, triplet.a, triplet.b, triplet.c) < (other.sum, other.triplet.a, other.triplet.b, other.triplet.c)
        }
    }

    /// The triplets of `scores` (three classes or more) that reach each of `goals`,
    /// in that order, from one screening pass for all of them.
    static func best(_ goals: [Goal], of scores: some PairScores, limits: Limits = Limits()) -> [Result] {
        let k = scores.classCount
        precondition(k >= 3, "TripletSearch: needs three classes or more")
        // Each goal works on signed scores v = sign·s and minimises.
        let signs = goals.map { $0 == .smallest ? 1.0 : -1.0 }
        let screened = screen(scores, signs: signs, classes: Array(0..<k), limit: min(limits.listLength, k - 1), bounds: nil)
        var searches = goals.indices.map { GoalSearch(sign: signs[$0], lists: screened[$0], scores: scores, limits: limits) }
        // Rows whose list may miss a pair within its bound are computed again for every goal, unless a
        // goal has so many that its scores are nearly all equal: that goal keeps its lists as they are.
        let hopeful = searches.indices.filter { g in
            (0..<k).lazy.filter(searches[g].mayMissPairs).count <= max(limits.refreshRows, Int(limits.refreshShare * Double(k)))
        }
        let short = (0..<k).filter { a in hopeful.contains { searches[$0].mayMissPairs(a) } }
        if !short.isEmpty {
            let bounds = searches.map { search in (search.rowMinima, short.map { search.bounds[$0] }) }
            let limit = min(k - 1, max(limits.rowLimit, limits.pairBudget / short.count))
            let refreshed = screen(scores, signs: signs, classes: short, limit: limit, bounds: bounds)
            for g in hopeful {
                for (index, a) in short.enumerated() { searches[g].lists[a] = refreshed[g][index] }
            }
        }
        return searches.map { $0.result(scores) }
    }

    /// The search for one goal: its lists, the known sum U and the bounds it gives.
    private struct GoalSearch {
        /// +1 to find the smallest sum, −1 the largest.
        let sign: Double
        /// One list a class.
        var lists: [NeighbourList]
        /// `r_a` for every class, from the screening pass.
        let rowMinima: [Double]
        /// The classes in increasing row minimum.
        private let byRowMinimum: [Int]
        /// ε, the screening error of a pair.
        private let error: Double
        /// m − 2ε, m the least row minimum: below every screened value
        /// (two screenings of a pair differ by at most 2ε).
        private let lowest: Double
        /// A triplet whose ranked sum is at most ``Candidate/sum``: U.
        private let known: Candidate
        /// The bounds on the enumeration.
        private let limits: Limits
        /// `U − r_a + 3ε` for every class a, the bound on `s_ab + r_b` (with room for its own rounding).
        let bounds: [Double]

        /// U and the bounds, from the screening lists.
        init(sign: Double, lists: [NeighbourList], scores: some PairScores, limits: Limits) {
            self.sign = sign
            self.limits = limits
            self.lists = lists
            let error = scores.screeningError
            let rowMinima = lists.map(\.rowMinimum)
            let lowest = rowMinima.min()! - 2 * error
            // U: the best triangle inside the lists (its screened sum + 3ε), or a class with its two nearest.
            var known = TripletSearch.enumerate(lists, bounds: nil, lowest: lowest, error: error, limits: limits).candidates.first.map {
                Candidate(sum: $0.sum + 3 * error, triplet: $0.triplet)
            }
            for list in lists where list.ids.count >= 2 {
                let (b, c) = (list.ids[0], list.ids[1])
                let sum = (list.scores[0] + list.scores[1] + 2 * error) + sign * scores.score(b, c)
                if known.map({ sum < $0.sum }) ?? true {
                    let ids = [list.owner, b, c].sorted()
                    known = Candidate(sum: sum, triplet: Triplet(ids[0], ids[1], ids[2]))
                }
            }
            let u = known!.sum
            // U − r_a + 3ε, and room for the rounding of s_ab + r_b and of this sum.
            bounds = rowMinima.map { r in (u - r + 3 * error) + 8 * Double.ulpOfOne * (abs(u) + 2 * abs(r)) }
            byRowMinimum = rowMinima.indices.sorted { (rowMinima[$0], $0) < (rowMinima[$1], $1) }
            self.rowMinima = rowMinima
            self.error = error
            self.lowest = lowest
            self.known = known!
        }

        /// True when the list of row `a` may miss a pair `(a, b)` within the bound: a
        /// class b not listed whose row minimum is low enough for `s_ab + r_b ≤ U − r_a`
        /// with `s_ab` at least the last listed score.
        func mayMissPairs(_ a: Int) -> Bool {
            let list = lists[a]
            guard list.isTruncated else { return false }
            let threshold = bounds[a] - list.scores[list.scores.count - 1]
            for b in byRowMinimum {
                guard rowMinima[b] <= threshold else { return false }
                if b != a && list.score(of: b) == nil { return true }
            }
            return false
        }

        /// The winner: the near-best triplets of the lists ranked by their exact scores.
        func result(_ scores: some PairScores) -> Result {
            let truncated = lists.indices.contains(where: mayMissPairs)
            let (candidates, overflowed) = TripletSearch.enumerate(lists, bounds: (rowMinima, bounds), lowest: lowest, error: error, limits: limits)
            func ranked(_ a: Int, _ b: Int) -> Double { sign * scores.score(a, b) }
            var winner: Candidate?
            for candidate in candidates + [known] {
                let t = candidate.triplet
                let exact = Candidate(sum: (ranked(t.a, t.b) + ranked(t.a, t.c)) + ranked(t.b, t.c), triplet: t)
                if winner.map({ exact.precedes($0) }) ?? true { winner = exact }
            }
            return Result(triplet: winner!.triplet, sum: sign * winner!.sum, isExact: !truncated && !overflowed)
        }
    }

    /// The neighbour lists of `classes` for each sign of `signs`, computed ``blockRows``
    /// rows at a time on several threads: the `limit` lowest entries of each row,
    /// within its bound when `bounds` (the row minima and the bound of each class, a sign) is given.
    private static func screen(
        _ scores: some PairScores, signs: [Double], classes: [Int], limit: Int, bounds: [([Double], [Double])]?
    ) -> [[NeighbourList]] {
        let k = scores.classCount
        let blocks = (classes.count + blockRows - 1) / blockRows
        let lists = RowBlocks.concurrentMap(count: blocks) { block in
            let range = (block * blockRows)..<min((block + 1) * blockRows, classes.count)
            var rows = [Double](repeating: 0, count: range.count * k)
            return rows.withUnsafeMutableBufferPointer { buffer in
                scores.rows(Array(classes[range]), into: buffer.baseAddress!)
                return signs.indices.map { g in
                    range.map { index in
                        NeighbourList(
                            owner: classes[index], row: buffer.baseAddress! + (index - range.lowerBound) * k, classCount: k,
                            sign: signs[g], limit: limit, bound: bounds.map { (rowMinima: $0[g].0, value: $0[g].1[index]) })
                    }
                }
            }
        }
        return signs.indices.map { g in lists.flatMap { $0[g] } }
    }

    /// Every triplet `a < b < c` of listed pairs (within the bounds when given: the
    /// row minima and `U − r_a + 3ε`) whose screened sum lies within 6ε of the lowest,
    /// in increasing sum; and whether some were left out past ``Limits/candidateLimit`` or
    /// ``Limits/stepBudget``.
    /// `lowest` bounds every screened value from below.
    fileprivate static func enumerate(
        _ lists: [NeighbourList], bounds: (rowMinima: [Double], values: [Double])?, lowest: Double, error: Double, limits: Limits
    ) -> (candidates: [Candidate], overflowed: Bool) {
        var best = Double.infinity
        var candidates: [Candidate] = []
        var overflowed = false
        var steps = 0
        func prune() {
            candidates.removeAll { $0.sum > best + 6 * error }
            guard candidates.count > limits.candidateLimit else { return }
            candidates.sort { $0.precedes($1) }
            candidates.removeLast(candidates.count - limits.candidateLimit)
            // With exact screening the kept candidates are the lowest in (sum, triplet)
            // order, the winner among them; otherwise a dropped one might have won.
            if error > 0 { overflowed = true }
        }
        rows: for a in lists.indices {
            // The pairs (a, b), b > a, within the bound, in increasing score.
            let entries = zip(lists[a].ids, lists[a].scores).filter { b, score in
                b > a && bounds.map { score + $0.rowMinima[b] <= $0.values[a] } ?? true
            }
            guard entries.count >= 2 else { continue }
            for p in 0..<(entries.count - 1) {
                // A triplet with b = entries[p] sums to at least v_ab + v_ac + lowest, v_ac ≥ the next entry.
                if entries[p].1 + entries[p + 1].1 + lowest > best + 6 * error { break }
                steps += entries.count - p - 1
                if steps > limits.stepBudget {
                    overflowed = true
                    break rows
                }
                for q in (p + 1)..<entries.count {
                    if entries[p].1 + entries[q].1 + lowest > best + 6 * error { break }
                    let (first, second) = entries[p].0 < entries[q].0 ? (entries[p], entries[q]) : (entries[q], entries[p])
                    guard let between = lists[first.0].score(of: second.0) else { continue }
                    // (s_ab + s_ac) + s_bc
                    let sum = (first.1 + second.1) + between
                    guard sum <= best + 6 * error else { continue }
                    best = min(best, sum)
                    candidates.append(Candidate(sum: sum, triplet: Triplet(a, first.0, second.0)))
                    if candidates.count >= 2 * limits.candidateLimit { prune() }
                }
            }
        }
        prune()
        candidates.sort { $0.precedes($1) }
        return (candidates, overflowed)
    }
}
