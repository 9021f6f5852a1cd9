/// How compact the classes of a whole split are relative to how far apart they
/// are, in the full feature space (DESIGN.md §3, geometry of the whole split).
///
/// - `within = sqrt(mean over examples of ‖x − μ_y‖²)`, μ_k the mean feature of class k;
/// - `between` = mean over pairs k < l of `‖μ_k − μ_l‖`, over the classes with at
///   least one example (null below two such classes);
/// - `cluster_ratio = within / between` (null when `between` is null or 0).
///
/// Computed exactly in two passes per class: the class means first (rows summed
/// in blocks of 256, block sums added in row order), then the squared distances
/// to them. Classes run in parallel and their results are combined in class
/// order, so the numbers do not depend on the thread count.
public struct SplitGeometry: Codable, Sendable, Equatable {
    /// RMS distance of an example to its class mean.
    public let within: Double
    /// Mean distance between the means of two classes; nil with fewer than two classes present.
    public let between: Double?
    /// `within / between`; nil when `between` is nil or 0.
    public let clusterRatio: Double?

    /// The geometry of the N×D `features` (any stored dtype) whose class ids in
    /// `0..<classCount` are `labels`.
    ///
    /// - Throws: ``PenvizError`` (input) when there are no examples.
    public init(features: ArrayView, labels: [Int], classCount: Int) throws {
        precondition(features.rowCount == labels.count, "SplitGeometry: \(features.rowCount) rows but \(labels.count) labels")
        guard !labels.isEmpty else {
            throw PenvizError(.input, "the split has no examples, so its class geometry is undefined")
        }
        var members = [[Int]](repeating: [], count: classCount)
        for (row, label) in labels.enumerated() { members[label].append(row) }
        let present = members.filter { !$0.isEmpty }

        let classes = RowBlocks.concurrentMap(count: present.count) { index in
            Self.meanAndSquaredDeviations(features: features, rows: present[index])
        }
        // within = sqrt((1/N) Σ_k Σ_{i ∈ k} ‖x_i − μ_k‖²)
        var squares = CompensatedSum()
        for entry in classes { squares.add(entry.squaredDeviations) }
        within = (squares.value / Double(labels.count)).squareRoot()

        let means = classes.map(\.mean)
        guard means.count >= 2 else {
            between = nil
            clusterRatio = nil
            return
        }
        // between = Σ_{k<l} ‖μ_k − μ_l‖ / (P(P − 1)/2), P the classes present
        let rowSums = RowBlocks.concurrentMap(count: means.count) { k in
            var sum = CompensatedSum()
            for l in (k + 1)..<means.count {
                sum.add(Self.squaredDistance(means[k], means[l]).squareRoot())
            }
            return sum
        }
        var distances = CompensatedSum()
        for sum in rowSums { distances.add(sum) }
        let pairs = Double(means.count * (means.count - 1) / 2)
        let between = distances.value / pairs
        self.between = between
        clusterRatio = between > 0 ? within / between : nil
    }

    /// μ = (1/n) Σ x_i over `rows`, and Σ ‖x_i − μ‖².
    private static func meanAndSquaredDeviations(features: ArrayView, rows: [Int]) -> (mean: [Double], squaredDeviations: CompensatedSum) {
        let d = features.columnCount
        let blockSize = 256
        var total = [Double](repeating: 0, count: d)
        var blockSum = [Double](repeating: 0, count: d)
        var row = [Double](repeating: 0, count: d)
        row.withUnsafeMutableBufferPointer { row in
            for start in stride(from: 0, to: rows.count, by: blockSize) {
                for i in 0..<d { blockSum[i] = 0 }
                for index in rows[start..<min(start + blockSize, rows.count)] {
                    features.readRow(index, into: row)
                    for i in 0..<d { blockSum[i] += row[i] }
                }
                for i in 0..<d { total[i] += blockSum[i] }
            }
        }
        let n = Double(rows.count)
        let mean = total.map { $0 / n }
        var squares = CompensatedSum()
        mean.withUnsafeBufferPointer { mean in
            row.withUnsafeMutableBufferPointer { row in
                for index in rows {
                    features.readRow(index, into: row)
                    // ‖x_i − μ‖², from the differences
                    squares.add(VectorKernels.squaredDistance(row.baseAddress!, mean.baseAddress!, count: d))
                }
            }
        }
        return (mean, squares)
    }

    /// ‖x − y‖²
    private static func squaredDistance(_ x: [Double], _ y: [Double]) -> Double {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in VectorKernels.squaredDistance(x.baseAddress!, y.baseAddress!, count: x.count) }
        }
    }
}
