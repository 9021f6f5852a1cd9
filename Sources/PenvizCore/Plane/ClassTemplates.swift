/// The K class templates of a final layer, in Float64.
///
/// With the bias (the default, as in the paper) template k is
/// `t_k = [w_k, b_k] ∈ R^(D+1)` and an example is `x̃ = [x, 1]`, so `x̃·t_k` is
/// logit k. Without it (`--no-bias`) `t_k = w_k` and `x̃ = x`.
public struct ClassTemplates: Sendable {
    /// Number of classes, K.
    public let count: Int
    /// Length of a feature row, D.
    public let featureDimension: Int
    /// True when the templates carry the bias and examples the appended 1.
    public let includesBias: Bool
    /// The templates, row after row (K rows of ``dimension`` values).
    public let values: [Double]

    /// Templates from the K×D `weight` and the K `bias` values; `includeBias: false` drops the bias.
    public init(weight: Matrix, bias: [Double], includeBias: Bool = true) {
        precondition(bias.count == weight.rows, "ClassTemplates: \(bias.count) biases for \(weight.rows) classes")
        count = weight.rows
        featureDimension = weight.columns
        includesBias = includeBias
        guard includeBias else {
            values = weight.values
            return
        }
        var augmented: [Double] = []
        augmented.reserveCapacity(weight.rows * (weight.columns + 1))
        for k in 0..<weight.rows {
            // t_k = [w_k, b_k]
            augmented.append(contentsOf: weight.values[(k * weight.columns)..<((k + 1) * weight.columns)])
            augmented.append(bias[k])
        }
        values = augmented
    }

    private init(count: Int, featureDimension: Int, includesBias: Bool, values: [Double]) {
        self.count = count
        self.featureDimension = featureDimension
        self.includesBias = includesBias
        self.values = values
    }

    /// The same templates multiplied by `factor`. With a power of two the product
    /// is exact (barring overflow and underflow) and every distance scales by it.
    public func scaled(by factor: Double) -> ClassTemplates {
        ClassTemplates(count: count, featureDimension: featureDimension, includesBias: includesBias, values: values.map { $0 * factor })
    }

    /// Length of a template and of an augmented example: D + 1 with the bias, D without.
    public var dimension: Int { includesBias ? featureDimension + 1 : featureDimension }

    /// Template `k` as an array.
    public func template(_ k: Int) -> [Double] {
        Array(values[(k * dimension)..<((k + 1) * dimension)])
    }
}

extension ClassTemplates {
    /// `‖t_a − t_b‖`, from the differences (never expanded into dot products), in a
    /// fixed order of summation: the same bits for `(a, b)` and `(b, a)`.
    public func distance(_ a: Int, _ b: Int) -> Double {
        values.withUnsafeBufferPointer { t in
            // sqrt(Σ_i (t_a,i − t_b,i)²)
            VectorKernels.squaredDistance(t.baseAddress! + a * dimension, t.baseAddress! + b * dimension, count: dimension).squareRoot()
        }
    }

    /// `‖t_k‖²` for every class k: the diagonal of the Gram matrix `G = T Tᵀ`.
    public var squaredNorms: [Double] {
        values.withUnsafeBufferPointer { t in
            (0..<count).map { k in VectorKernels.dot(t.baseAddress! + k * dimension, t.baseAddress! + k * dimension, count: dimension) }
        }
    }
}
