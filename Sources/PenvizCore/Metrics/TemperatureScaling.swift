import Foundation

/// The temperature that makes a network's probabilities honest (Guo et al. 2017;
/// DESIGN.md §3): `T* = argmin_T nll(softmax(z / T))` on the fitting split, for
/// T in [0.05, 20].
///
/// Solved in `β = 1/T`, where `nll(β) = mean(ln Σ_k e^{β z_k} − β z_y)` is convex,
/// with `nll′(β) = mean(E_p[z] − z_y)` and `nll″(β) = mean(Var_p[z]) ≥ 0` (p the
/// softmax at β). The root of `nll′` is sought in β ∈ [0.05, 20] from β = 1 by
/// Newton's method safeguarded with bisection (Numerical Recipes' `rtsafe`): a
/// Newton step that leaves the bracket or does not halve the step before last is
/// replaced by bisection. It stops when a step moves T by less than 1e-10
/// (the design asks for 1e-6). A search that ends on a bound checks `nll′` there:
/// when `nll′ ≥ 0` already at β = 0.05 the optimum is T = 20; when `nll′ ≤ 0`
/// still at β = 20 it is T = 0.05. When every row's logits are equal `nll` is
/// flat and T* = 1.
public struct TemperatureScaling: Codable, Sendable, Equatable {
    /// Where the optimum lies.
    public enum Outcome: String, Codable, Sendable {
        /// Strictly inside the range: `nll′(1/T*) = 0`.
        case interior
        /// At T = 0.05: the network is under-confident beyond the range.
        case lowestTemperature
        /// At T = 20: the network is over-confident beyond the range.
        case highestTemperature
        /// `nll` does not depend on T (every row's logits are equal): T* = 1.
        case flat
    }

    /// The temperatures searched.
    public static let range: ClosedRange<Double> = 0.05...20
    /// The largest change of T in the last step before stopping.
    static let tolerance = 1e-10

    /// The fitted temperature T*.
    public let temperature: Double
    /// Whether T* is interior, on a bound, or arbitrary because nll is flat.
    public let outcome: Outcome

    /// Fits T* to `logits` with true classes `labels`. A computed source is
    /// materialised first (8·N·K bytes), since the fit reads the logits once per step.
    ///
    /// - Throws: ``PenvizError`` (input) when there are no examples.
    public init(logits: LogitSource, labels: [Int]) throws {
        precondition(labels.count == logits.rowCount, "TemperatureScaling: \(labels.count) labels for \(logits.rowCount) rows")
        guard !labels.isEmpty else {
            throw PenvizError(.input, "the fitting split has no examples, so no temperature can be fitted")
        }
        let logits = logits.heldWhenComputed()
        let slope = { (beta: Double) in Self.derivatives(logits: logits, labels: labels, beta: beta) }

        // β ∈ [0.05, 20]. nll′ increases with β (nll is convex), so the root is interior exactly
        // when nll′(0.05) < 0 < nll′(20); the search assumes so and checks a bound only when it
        // ends on one (each evaluation of nll′ costs N·K exponentials).
        let lowest = 1 / Self.range.upperBound, highest = 1 / Self.range.lowerBound
        var lower = lowest, upper = highest

        // Safeguarded Newton on nll′(β) = 0, starting from T = 1.
        var beta = 1.0
        var step = upper - lower, stepBeforeLast = step
        var current = slope(beta)
        guard current.varies else {
            self.init(temperature: 1, outcome: .flat)
            return
        }
        for _ in 0..<100 {
            guard current.first != 0 else { break }
            if current.first < 0 { lower = beta } else { upper = beta }
            let newton = beta - current.first / current.second
            let next: Double
            // Newton may land on a bracket end: near the root its step can round to 0, which ends the search.
            if current.second > 0, newton >= lower, newton <= upper, abs(newton - beta) <= abs(stepBeforeLast) / 2 {
                next = newton
            } else {
                next = lower + (upper - lower) / 2
            }
            stepBeforeLast = step
            step = next - beta
            // |ΔT| = |1/β_next − 1/β|
            let temperatureStep = abs(1 / next - 1 / beta)
            beta = next
            if temperatureStep < Self.tolerance { break }
            current = slope(beta)
        }
        // A search that ran into a bound: the optimum is there when nll′ has not changed sign by it.
        if beta - lowest <= 1e-6 * lowest, slope(lowest).first >= 0 {
            self.init(temperature: Self.range.upperBound, outcome: .highestTemperature)
        } else if highest - beta <= 1e-6 * highest, slope(highest).first <= 0 {
            self.init(temperature: Self.range.lowerBound, outcome: .lowestTemperature)
        } else {
            self.init(temperature: 1 / beta, outcome: .interior)
        }
    }

    private init(temperature: Double, outcome: Outcome) {
        self.temperature = temperature
        self.outcome = outcome
    }

    /// `nll′(β) = mean_i Σ_k p_k (z_k − z_y)` and `nll″(β) = mean_i Σ_k p_k (z_k − z_y − μ_i)²`
    /// (μ_i the row's first sum), with `p_k = e^{β(z_k − z_max)} / Σ_j e^{β(z_j − z_max)}`
    /// (the exponentials by ``NonPositiveExp``, four at a time);
    /// `varies` tells whether any row has two different logits.
    private static func derivatives(logits: LogitSource, labels: [Int], beta: Double)
        -> (first: Double, second: Double, varies: Bool)
    {
        let k = logits.classCount
        let blocks = logits.mapRowBlocks { rows, z in
            var first = CompensatedSum(), second = CompensatedSum(), varies = false
            let weights = UnsafeMutableBufferPointer<Double>.allocate(capacity: k)
            defer { weights.deallocate() }
            for (position, row) in rows.enumerated() {
                let z = UnsafeBufferPointer(rebasing: z[(position * k)..<((position + 1) * k)])
                let y = labels[row]
                let top = z[Softmax.argmax(z)]
                // e_k = exp(β (z_k − z_max)), S = Σ e_k
                for j in 0..<k {
                    weights[j] = beta * (z[j] - top)
                    if z[j] != top { varies = true }
                }
                NonPositiveExp.apply(weights)
                let total = VectorKernels.sum(weights.baseAddress!, count: k)
                // μ = Σ_k (e_k/S)(z_k − z_y) = E_p[z] − z_y
                let mean = VectorKernels.weightedSum(weights.baseAddress!, z.baseAddress!, offset: z[y], count: k) / total
                // v = Σ_k (e_k/S)(z_k − z_y − μ)² = Var_p[z]
                let variance = VectorKernels.weightedSquares(weights.baseAddress!, z.baseAddress!, offset: z[y] + mean, count: k)
                first.add(mean)
                second.add(variance / total)
            }
            return (first, second, varies)
        }
        var first = CompensatedSum(), second = CompensatedSum(), varies = false
        for block in blocks {
            first.add(block.0)
            second.add(block.1)
            varies = varies || block.2
        }
        let n = Double(labels.count)
        return (first.value / n, second.value / n, varies)
    }
}
