import PenvizCore

/// Builders shared by the core tests: arrays in any dtype, and logits filled on demand.
enum TestSupport {
    /// A C-order array view holding `values` in `dtype` (float32, float64 or float16), little-endian.
    static func view(_ values: [Double], shape: [Int], dtype: DType = .float64) throws -> ArrayView {
        var bytes: [UInt8] = []
        for value in values {
            switch dtype {
            case .float32: bytes += withUnsafeBytes(of: Float(value).bitPattern.littleEndian) { Array($0) }
            case .float16: bytes += withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { Array($0) }
            default: bytes += withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) }
            }
        }
        return try ArrayView(shape: shape, dtype: dtype, storage: ByteStorage(copying: bytes))
    }

    /// `logits` as a computed ``LogitSource``: each block of rows filled on demand
    /// from the matrix, as the logit engine fills it from a matrix product.
    static func computed(_ logits: Matrix) -> LogitSource {
        .computed(rowCount: logits.rows, classCount: logits.columns) { rows, out in
            for (offset, value) in logits.values[(rows.lowerBound * logits.columns)..<(rows.upperBound * logits.columns)].enumerated() {
                out[offset] = value
            }
        }
    }

    /// A rows×columns view of a matrix, in `dtype`.
    static func view(_ matrix: Matrix, dtype: DType = .float64) throws -> ArrayView {
        try view(matrix.values, shape: [matrix.rows, matrix.columns], dtype: dtype)
    }
}

/// Template logits `z̃_k = x̃·t_k` by plain loops over each row's features, as a
/// ``SplitPass`` gets them from the logit engine (which multiplies on a BLAS);
/// the model logits are the same values (bias-augmented templates) or `z̃ + b`.
struct PlainTemplateLogits: LogitRows {
    let templates: ClassTemplates
    let bias: [Double]

    var classCount: Int { templates.count }
    var templateLogitsAreLogits: Bool { templates.includesBias }

    func fill(
        positions: Range<Int>, features: UnsafeBufferPointer<Double>, logits: UnsafeMutableBufferPointer<Double>,
        templateLogits: UnsafeMutableBufferPointer<Double>
    ) {
        let d = templates.featureDimension, n = templates.dimension, k = classCount
        for row in 0..<positions.count {
            for j in 0..<k {
                // z̃_j = Σ_i x_i t_j,i (+ t_j,D · 1 with the bias)
                var sum = templates.includesBias ? templates.values[j * n + d] : 0
                for i in 0..<d { sum += features[row * d + i] * templates.values[j * n + i] }
                templateLogits[row * k + j] = sum
                logits[row * k + j] = templates.includesBias ? sum : sum + bias[j]
            }
        }
    }
}
