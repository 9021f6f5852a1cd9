import PenvizCore

/// One split of one run as the explorer holds it in memory (issue 20): its
/// whole-split metrics, measured once on every row as `penviz compare` measures
/// them, and the rows it shows — every row, or a seeded stratified sample of
/// them — each with its class, predicted class, confidence and K template logits
/// z̃ (Float32, a column a class), so that the panel of any triplet is three
/// columns and the plane's 3×3 Gram block: O(rows), not O(rows·D).
public struct ExplorerSplit: Sendable {
    /// The split's name.
    public let name: String
    /// Rows in the split.
    public let examples: Int
    /// The whole-split metrics, on every row.
    public let metrics: ComparisonMetrics.SplitMetrics
    /// The rows shown, by position in the split, increasing.
    public let positions: [Int]
    /// Each shown row's row number in the file (its position unless rows were dropped).
    public let fileRows: [Int]
    /// Each shown row's class id.
    public let labels: [Int32]
    /// Each shown row's predicted class (argmax of the model logits, the lowest id on ties).
    public let predicted: [Int32]
    /// Each shown row's softmax probability of its predicted class.
    public let confidence: [Float]
    /// Number of classes, K.
    public let classCount: Int
    /// z̃ of the shown rows, column-major: class k's column is `k·rows ..< (k + 1)·rows`.
    let templateLogits: [Float]

    /// Measures `split` of the run of `space` (whole-split metrics, with `alpha` for
    /// `ls_gap`) and keeps its rows: every one up to `maxRows`, else a seeded
    /// ``StratifiedSample`` of `maxRows`; in the one streaming pass that measures the metrics.
    ///
    /// - Throws: ``PenvizError`` (input) as ``SplitMeasurement`` does (a non-finite feature, names the row).
    public init(_ split: Split, in space: LogitSpace, alpha: Double?, maxRows: Int, progress: (any WorkProgress)? = nil) throws {
        let sample = StratifiedSample.rows(labels: split.labels, size: maxRows, seed: 0)
        var kept = [Bool](repeating: false, count: split.count)
        for position in sample { kept[position] = true }
        let measured = try SplitMeasurement(split, in: space, planes: [], alpha: alpha, keeping: kept, progress: progress)
        let rows = measured.keptRows
        let k = space.run.classCount, n = rows.positions.count
        var columns = [Float](repeating: 0, count: k * n)
        rows.templateLogits.withUnsafeBufferPointer { source in
            for row in 0..<n { for column in 0..<k { columns[column * n + row] = source[row * k + column] } }
        }
        name = split.name
        examples = split.count
        metrics = measured.metrics
        positions = rows.positions
        fileRows = rows.positions.map(split.fileRow)
        labels = rows.labels
        predicted = rows.predicted
        confidence = rows.confidence
        classCount = k
        templateLogits = columns
    }

    /// The shown rows of `triplet`'s classes projected onto `plane` (a plane of this
    /// split's run), in row order: from z̃_a, z̃_b, z̃_c (``TemplatePlane/project(templateLogits:_:_:)``).
    public func points(on plane: TemplatePlane) -> (points: PlanePoints, rows: [Int]) {
        let triplet = plane.triplet, n = positions.count
        var points: [PlanePoint] = [], labels: [Int] = [], splitPositions: [Int] = [], rows: [Int] = []
        templateLogits.withUnsafeBufferPointer { z in
            for row in 0..<n {
                let label = Int(self.labels[row])
                guard label == triplet.a || label == triplet.b || label == triplet.c else { continue }
                points.append(plane.project(
                    templateLogits: Double(z[triplet.a * n + row]), Double(z[triplet.b * n + row]), Double(z[triplet.c * n + row])))
                labels.append(label)
                splitPositions.append(positions[row])
                rows.append(row)
            }
        }
        return (PlanePoints(plane: plane, points: points, labels: labels, positions: splitPositions), rows)
    }
}
