import Foundation

/// How much a network's logits still tell the examples apart: the paper's
/// Section 4 estimate of the mutual information I(X;Y) between the example
/// index X and the difference Y of two logits under random augmentation,
/// with a Gaussian approximation (DESIGN.md §3, exactly):
///
///     f_{x,l} = z_{x,l,a} − z_{x,l,b},   μ_x = (1/L) Σ_l f_{x,l}
///     σ² = Σ_x Σ_l (f_{x,l} − μ_x)² / (N·L)
///     Î = (1/(N·L)) Σ_x Σ_l [ −(f_{x,l} − μ_x)²/(2σ²) − ln((1/N) Σ_{x'} exp(−(f_{x,l} − μ_{x'})²/(2σ²))) ]
///
/// The inner sum is a log-sum-exp over all N examples, evaluated exactly
/// (O(N²·L) exponentials, examples in parallel, combined in example order).
/// 0 ≤ Î ≤ ln N: 0 when every example has the same mean difference, ln N when
/// the examples are perfectly separated. Label smoothing drives Î down.
public struct InformationErasure: Codable, Sendable, Equatable {
    /// The estimate Î, in nats.
    public let information: Double
    /// Its upper bound ln N, in nats.
    public let maximum: Double
    /// The pooled within-example variance σ² of the logit difference (infinite when
    /// it exceeds Float64, for differences near 1e300; Î is still defined).
    public let variance: Double
    /// Number of examples, N.
    public let exampleCount: Int
    /// Number of augmented passes per example, L.
    public let passCount: Int

    /// Î for the N×L×K augmented logits (any numeric dtype) and classes `a` and `b`.
    ///
    /// - Throws: ``PenvizError`` (input) when the array is not N×L×K or σ² = 0
    ///   (Î is undefined, e.g. with L = 1); (usage) when `a` and `b` are not two
    ///   distinct classes in `0..<K`.
    public init(augmentedLogits: ArrayView, classA a: Int, classB b: Int) throws {
        try self.init(differences: Self.logitDifferences(augmentedLogits: augmentedLogits, classA: a, classB: b))
    }

    /// Î for the N×L logit differences `f_{x,l}` (one row per example).
    ///
    /// - Throws: ``PenvizError`` (input) when there are no examples or σ² = 0.
    public init(differences unscaled: Matrix) throws {
        let n = unscaled.rows, l = unscaled.columns
        guard n > 0, l > 0 else {
            throw PenvizError(.input, "information erasure needs at least one example and one pass, got N = \(n), L = \(l)")
        }
        // Î depends on the differences only through (f − μ)²/σ², which a common factor
        // leaves alone: they are divided by s, the power of two at or below their largest
        // magnitude (PowerOfTwoScale), so that no square overflows or underflows (logits
        // near 1e300 would), and σ² = s²·σ̃² is reported.
        let scale = PowerOfTwoScale.of(unscaled.values)
        let f = Matrix(rows: n, columns: l, values: unscaled.values.map { $0 / scale })
        // μ_x = (1/L) Σ_l f_{x,l}
        let means = (0..<n).map { x in
            var sum = CompensatedSum()
            for pass in 0..<l { sum.add(f[x, pass]) }
            return sum.value / Double(l)
        }
        // σ² = Σ_x Σ_l (f_{x,l} − μ_x)² / (N·L)
        var squares = CompensatedSum()
        for x in 0..<n {
            for pass in 0..<l { squares.add((f[x, pass] - means[x]) * (f[x, pass] - means[x])) }
        }
        let variance = squares.value / Double(n * l)
        guard variance > 0 else {
            throw PenvizError(
                .input,
                "Î is undefined: the logit difference does not vary across the L = \(l) passes of any example (σ² = 0)"
                    + (l == 1 ? "; information erasure needs L ≥ 2 augmented passes" : ""))
        }
        let logN = log(Double(n))
        let perExample = RowBlocks.concurrentMap(count: n) { x in
            var total = CompensatedSum()
            for pass in 0..<l {
                let value = f[x, pass]
                // t_{x'} = −(f − μ_{x'})²/(2σ²)
                func exponent(_ other: Int) -> Double {
                    -(value - means[other]) * (value - means[other]) / (2 * variance)
                }
                // log-sum-exp around the largest term t_m: Σ_{x'} e^{t_{x'}} = e^{t_m} (1 + rest)
                var largest = 0, top = exponent(0)
                for other in 1..<n {
                    let candidate = exponent(other)
                    if candidate > top { (largest, top) = (other, candidate) }
                }
                var rest = 0.0
                for other in 0..<n where other != largest { rest += exp(exponent(other) - top) }
                // t_x − ln((1/N) Σ_{x'} e^{t_{x'}}) = (t_x − t_m) − ln(1 + rest) + ln N
                total.add((exponent(x) - top) - log1p(rest) + logN)
            }
            return total
        }
        var total = CompensatedSum()
        for sum in perExample { total.add(sum) }
        information = total.value / Double(n * l)
        maximum = logN
        self.variance = variance * scale * scale
        exampleCount = n
        passCount = l
    }

    /// The differences `f_{x,l} = z_{x,l,a} − z_{x,l,b}` of N×L×K augmented logits
    /// (or L×N×K, as `layout` says), a row for each example of `rows` (default: all
    /// N, in order); also what a figure of the erasure draws.
    ///
    /// - Throws: ``PenvizError`` (input) when the array is not 3-d; (usage) when
    ///   `a` and `b` are not two distinct classes in `0..<K`.
    public static func logitDifferences(
        augmentedLogits: ArrayView, classA a: Int, classB b: Int, rows: [Int]? = nil, layout: AugmentedLayout = .examplesFirst
    ) throws -> Matrix {
        guard augmentedLogits.shape.count == 3 else {
            throw PenvizError(.input, "augmented logits must be N×L×K, got shape \(augmentedLogits.shape)")
        }
        let shape = augmentedLogits.shape
        let n = layout.examples(shape), l = layout.passes(shape), k = shape[2]
        guard a != b, (0..<k).contains(a), (0..<k).contains(b) else {
            throw PenvizError.usage("information erasure needs two distinct classes in 0…\(k - 1), got \(a) and \(b)")
        }
        let examples = rows ?? Array(0..<n)
        precondition(examples.allSatisfy { (0..<n).contains($0) }, "logitDifferences: a row outside 0..<\(n)")
        var f = Matrix(rows: examples.count, columns: l, values: [Double](repeating: 0, count: examples.count * l))
        for (index, x) in examples.enumerated() {
            for pass in 0..<l {
                let row = layout.start(example: x, pass: pass, shape: shape)
                f[index, pass] = augmentedLogits.double(atFlat: row + a) - augmentedLogits.double(atFlat: row + b)
            }
        }
        return f
    }
}
