/// How equidistant examples are from the templates of the wrong classes
/// (DESIGN.md §3, `distance_cv`): label smoothing makes them nearly so.
///
/// For each example, the excess squared distance to each wrong template,
/// `d_j = ‖x̃ − t_j‖² − ‖x̃ − t_y‖²` (j ≠ y), each squared distance summed from
/// the differences `x̃_i − t_j,i` (never expanded into dot products); then
///
///     distance_cv = (mean over examples of std_j d_j) / (mean over examples of mean_j d_j)
///
/// with population standard deviations. Templates follow the bias mode of ``ClassTemplates``.
public enum DistanceCV {
    /// `distance_cv` of the N×D `features` (any dtype) with class ids `labels`;
    /// nil when the denominator is 0 (every example exactly as far from every template).
    ///
    /// - Throws: ``PenvizError`` (input) when there are no examples.
    public static func measure(features: ArrayView, labels: [Int], templates: ClassTemplates) throws -> Double? {
        precondition(features.rowCount == labels.count, "DistanceCV: \(features.rowCount) rows but \(labels.count) labels")
        precondition(features.columnCount == templates.featureDimension, "DistanceCV: features D = \(features.columnCount), templates \(templates.featureDimension)")
        precondition(templates.count >= 2, "DistanceCV: needs at least two classes")
        guard !labels.isEmpty else {
            throw PenvizError(.input, "the split has no examples, so distance_cv is undefined")
        }
        let k = templates.count, n = templates.dimension
        let blocks = RowBlocks.map(rowCount: labels.count) { rows in
            let x = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
            let squared = UnsafeMutableBufferPointer<Double>.allocate(capacity: k)
            defer {
                x.deallocate()
                squared.deallocate()
            }
            var deviations = CompensatedSum(), means = CompensatedSum()
            templates.values.withUnsafeBufferPointer { t in
                for row in rows {
                    templates.readAugmentedRow(row, of: features, into: x)
                    // ‖x̃ − t_j‖² = Σ_i (x̃_i − t_j,i)² for every class j
                    for j in 0..<k {
                        squared[j] = VectorKernels.squaredDistance(x.baseAddress!, t.baseAddress! + j * n, count: n)
                    }
                    let y = labels[row]
                    // mean_j d_j, d_j = ‖x̃ − t_j‖² − ‖x̃ − t_y‖² over j ≠ y
                    var sum = 0.0
                    for j in 0..<k where j != y { sum += squared[j] - squared[y] }
                    let mean = sum / Double(k - 1)
                    // std_j d_j = sqrt(mean_j (d_j − mean)²)
                    var squares = 0.0
                    for j in 0..<k where j != y {
                        let deviation = (squared[j] - squared[y]) - mean
                        squares += deviation * deviation
                    }
                    deviations.add((squares / Double(k - 1)).squareRoot())
                    means.add(mean)
                }
            }
            return (deviations, means)
        }
        var deviations = CompensatedSum(), means = CompensatedSum()
        for block in blocks {
            deviations.add(block.0)
            means.add(block.1)
        }
        let count = Double(labels.count)
        let meanDistance = means.value / count
        guard meanDistance != 0 else { return nil }
        return (deviations.value / count) / meanDistance
    }
}
