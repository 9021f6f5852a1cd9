/// A symmetric score for every pair of K classes: what a ``TripletSearch`` adds
/// up over the three pairs of a triplet.
///
/// A score comes two ways. ``rows(_:into:)`` gives whole rows fast (a matrix
/// product, say) for screening, each value within ``screeningError`` of the
/// ranked score; ``score(_:_:)`` gives the ranked score of one pair, computed the
/// same way for `(a, b)` and `(b, a)`, which decides the winner and its ties.
protocol PairScores: Sendable {
    /// Number of classes, K.
    var classCount: Int { get }
    /// The most a value of ``rows(_:into:)`` may differ from ``score(_:_:)`` for the same pair.
    var screeningError: Double { get }
    /// The screening scores `s(a, l)` for every class a of `classes` and every l in
    /// `0..<K`, row after row into `out` (`classes.count × K` values). The values
    /// at `l = a` are not read.
    func rows(_ classes: [Int], into out: UnsafeMutablePointer<Double>)
    /// The ranked score of the pair `(a, b)`, `a ≠ b`.
    func score(_ a: Int, _ b: Int) -> Double
}
