/// The triplets `penviz compare --auto` picks (DESIGN.md §3, issue 5): the one
/// whose templates are closest together (`similar`, like the paper's "toy
/// poodle, miniature poodle" row) and the one whose templates are farthest apart
/// (`different`).
///
/// The separation of a triplet is the mean of its three pairwise template
/// distances in the full space (in the bias mode of the ``ClassTemplates``).
/// The search is exact over all `K(K−1)(K−2)/6` triplets (166 million for
/// K = 1000): the K×K distance matrix is computed once, each distance from the
/// differences; then for every a < b the sums `(d_ab + d_ac) + d_bc` over
/// c > b are formed four at a time from two contiguous matrix rows. Sums are
/// compared rather than means (same order); ties go to the lexicographically
/// lowest `(a, b, c)` with a < b < c. Rows a run in parallel and are combined
/// in order, so the answer does not depend on the thread count.
public struct AutoTriplets: Codable, Sendable, Equatable {
    /// Which of the two automatic triplets to use.
    public enum Criterion: String, Codable, Sendable, CaseIterable {
        /// The triplet with the closest templates.
        case similar
        /// The triplet with the farthest templates.
        case different
    }

    /// A triplet with its separation.
    public struct Choice: Codable, Sendable, Equatable {
        /// The classes, in increasing id.
        public let triplet: Triplet
        /// Mean of the three pairwise template distances.
        public let separation: Double
    }

    /// The triplet with the smallest separation.
    public let similar: Choice
    /// The triplet with the largest separation.
    public let different: Choice

    /// The most classes the search takes: its K×K distance matrix (32 MB) and its
    /// K³/6 triplets (1.3·10⁹, about two seconds on two cores) stay bounded.
    public static let classLimit = 2_000

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
                .input, "automatic triplets search at most K = \(Self.classLimit) classes (K³/6 triplets), the run has K = \(k): "
                    + "name the classes with --classes")
        }
        let distances = Self.distanceMatrix(templates)
        let rows = RowBlocks.concurrentMap(count: k - 2) { a in Self.extremes(from: a, distances: distances, classCount: k) }
        var smallest = rows[0].smallest, largest = rows[0].largest
        for row in rows.dropFirst() {
            if row.smallest.sum < smallest.sum { smallest = row.smallest }
            if row.largest.sum > largest.sum { largest = row.largest }
        }
        similar = Choice(triplet: smallest.triplet, separation: smallest.sum / 3)
        different = Choice(triplet: largest.triplet, separation: largest.sum / 3)
    }

    /// The choice for `criterion`.
    public func choice(_ criterion: Criterion) -> Choice {
        criterion == .similar ? similar : different
    }

    /// A triplet and its sum of pairwise distances, `(d_ab + d_ac) + d_bc`.
    private struct Candidate: Sendable {
        var sum: Double
        var triplet: Triplet
    }

    /// The symmetric K×K matrix of template distances `‖t_a − t_b‖`, row-major.
    ///
    /// Rows a go eight at a time: each template b > a is then read from memory
    /// once for eight distances instead of once for each.
    private static func distanceMatrix(_ templates: ClassTemplates) -> [Double] {
        let k = templates.count, n = templates.dimension
        // For each tile of rows a: d(a, b) for b > a, in the order b ascending, then a ascending.
        let tiles = RowBlocks.map(rowCount: k, rowsPerBlock: 8) { tile in
            templates.values.withUnsafeBufferPointer { t in
                var distances: [Double] = []
                for b in (tile.lowerBound + 1)..<max(k, tile.lowerBound + 1) {
                    for a in tile where a < b {
                        // ‖t_a − t_b‖ = sqrt(Σ_i (t_a,i − t_b,i)²)
                        distances.append(
                            VectorKernels.squaredDistance(t.baseAddress! + a * n, t.baseAddress! + b * n, count: n)
                                .squareRoot())
                    }
                }
                return distances
            }
        }
        var matrix = [Double](repeating: 0, count: k * k)
        for (index, distances) in tiles.enumerated() {
            let tile = (index * 8)..<min(index * 8 + 8, k)
            var next = distances.makeIterator()
            for b in (tile.lowerBound + 1)..<max(k, tile.lowerBound + 1) {
                for a in tile where a < b {
                    let distance = next.next()!
                    matrix[a * k + b] = distance
                    matrix[b * k + a] = distance
                }
            }
        }
        return matrix
    }

    /// The smallest and largest `(d_ab + d_ac) + d_bc` over b, c with a < b < c,
    /// each the lexicographically first among equals.
    private static func extremes(from a: Int, distances: [Double], classCount k: Int) -> (smallest: Candidate, largest: Candidate) {
        distances.withUnsafeBufferPointer { d in
            let rowA = d.baseAddress! + a * k
            var smallest = Candidate(sum: .infinity, triplet: Triplet(a, a + 1, a + 2))
            var largest = Candidate(sum: -.infinity, triplet: Triplet(a, a + 1, a + 2))
            for b in (a + 1)..<(k - 1) {
                let rowB = d.baseAddress! + b * k
                let ab = rowA[b]
                // sum_c = (d_ab + d_ac) + d_bc for c in b+1..<K, four lanes at a time
                let abLanes = SIMD4<Double>(repeating: ab)
                var minimum = SIMD4<Double>(repeating: .infinity), maximum = SIMD4<Double>(repeating: -.infinity)
                var c = b + 1
                while c + 4 <= k {
                    let sums = (abLanes + UnsafeRawPointer(rowA + c).loadUnaligned(as: SIMD4<Double>.self))
                        + UnsafeRawPointer(rowB + c).loadUnaligned(as: SIMD4<Double>.self)
                    // (a masked replace compiles to compare-and-blend; pointwiseMin is several times slower)
                    minimum.replace(with: sums, where: sums .< minimum)
                    maximum.replace(with: sums, where: sums .> maximum)
                    c += 4
                }
                var rowMinimum = minimum.min(), rowMaximum = maximum.max()
                while c < k {
                    let sum = (ab + rowA[c]) + rowB[c]
                    rowMinimum = Swift.min(rowMinimum, sum)
                    rowMaximum = Swift.max(rowMaximum, sum)
                    c += 1
                }
                // Only a strictly better row is searched for its first c, so earlier (a, b, c) win ties.
                if rowMinimum < smallest.sum {
                    let first = ((b + 1)..<k).first { (ab + rowA[$0]) + rowB[$0] == rowMinimum }!
                    smallest = Candidate(sum: rowMinimum, triplet: Triplet(a, b, first))
                }
                if rowMaximum > largest.sum {
                    let first = ((b + 1)..<k).first { (ab + rowA[$0]) + rowB[$0] == rowMaximum }!
                    largest = Candidate(sum: rowMaximum, triplet: Triplet(a, b, first))
                }
            }
            return (smallest, largest)
        }
    }
}
