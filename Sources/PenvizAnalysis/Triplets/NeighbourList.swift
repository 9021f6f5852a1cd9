/// The classes with the lowest scores in one row of a ``PairScores`` matrix:
/// a class's nearest neighbours when the score is a distance.
///
/// The list keeps, in increasing score (equal scores in increasing id), at most
/// `limit` of the row's entries; with a `bound`, only the entries `(owner, l)`
/// whose score plus the row minimum of `l` is at most the bound (the pairs that
/// can still be in the winning triplet of a ``TripletSearch``).
struct NeighbourList: Sendable {
    /// The class whose row this is.
    let owner: Int
    /// The listed classes, in increasing score.
    private(set) var ids: [Int] = []
    /// Their scores.
    private(set) var scores: [Double] = []
    /// The smallest score of the row, listed or not.
    private(set) var rowMinimum = Double.infinity
    /// True when an entry that passed the bound was left out for the limit; every
    /// such entry scores at least as much as the last listed one.
    private(set) var isTruncated = false
    /// The listed ids in increasing id, with the score of each: for ``score(of:)``.
    private var idOrder: [(id: Int, score: Double)] = []

    /// The list of row `owner`: the scores `sign · row[l]` for l ≠ owner among the
    /// `classCount` values at `row`, the `limit` lowest of those that pass the bound
    /// `score + rowMinima[l] ≤ bound` (all of them without `rowMinima`).
    init(
        owner: Int, row: UnsafePointer<Double>, classCount: Int, sign: Double, limit: Int,
        bound: (rowMinima: [Double], value: Double)? = nil
    ) {
        self.owner = owner
        ids.reserveCapacity(min(limit, 64))
        scores.reserveCapacity(min(limit, 64))
        for l in 0..<classCount where l != owner {
            let value = sign * row[l]
            rowMinimum = min(rowMinimum, value)
            if let bound, value + bound.rowMinima[l] > bound.value { continue }
            if ids.count == limit {
                isTruncated = true
                // Ids come in increasing order, so an equal score never displaces a listed one.
                guard value < scores[limit - 1] else { continue }
                ids.removeLast()
                scores.removeLast()
            }
            // After the last score not above `value`: equal scores stay in id order.
            var low = 0, high = scores.count
            while low < high {
                let middle = (low + high) / 2
                if scores[middle] <= value { low = middle + 1 } else { high = middle }
            }
            ids.insert(l, at: low)
            scores.insert(value, at: low)
        }
        idOrder = zip(ids, scores).map { (id: $0, score: $1) }.sorted { $0.id < $1.id }
    }

    /// The listed score of class `id`, or nil when it is not listed.
    func score(of id: Int) -> Double? {
        var low = 0, high = idOrder.count
        while low < high {
            let middle = (low + high) / 2
            if idOrder[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < idOrder.count && idOrder[low].id == id ? idOrder[low].score : nil
    }
}
