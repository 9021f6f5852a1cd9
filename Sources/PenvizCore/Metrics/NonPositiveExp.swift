import Foundation

/// `e^x` for the arguments a stable softmax exponentiates, `x = β(z_k − z_max) ≤ 0`,
/// four lanes at a time: the exponential the temperature fit evaluates N·K times
/// for each of its steps.
///
/// Cody–Waite reduction and a Taylor polynomial, in Float64:
///
///     k = round(x / ln 2),   r = (x − k·ln2_hi) − k·ln2_lo,   |r| ≤ ½ ln 2 (+ rounding)
///     e^x = 2^k · Σ_{n=0}^{13} rⁿ/n!
///
/// `ln2_hi` has 32 trailing zero bits, so `k·ln2_hi` is exact; the truncated terms
/// are below 5·10⁻¹⁸ of the result, and the evaluation (Estrin's scheme) leaves the result
/// within a few units in the last place of the correctly rounded `e^x` (tests
/// check 3·10⁻¹⁶ relative against the C library over the whole range). `2^k` is
/// built from its bits. Lanes below −708 (a subnormal or zero result), and NaN,
/// go to the C library's `exp` instead. A lane's result does not depend on the
/// other lanes, so the scalar tail of ``apply(_:)`` gives the same bits.
public enum NonPositiveExp {
    /// 1/ln 2.
    private static let log2e = 1.4426950408889634
    /// ln 2 split as fdlibm does: the high part's last 32 bits are zero.
    private static let ln2hi = 6.93147180369123816490e-01
    private static let ln2lo = 1.90821492927058770002e-10
    /// 1.5·2⁵²: adding it rounds a double of magnitude below 2⁵¹ to an integer, kept in the low bits.
    private static let shifter = 0x1.8p52
    /// Below this the result is subnormal or zero.
    private static let smallest = -708.0

    /// Replaces every value `x` of `values` by `e^x`.
    public static func apply(_ values: UnsafeMutableBufferPointer<Double>) {
        guard let base = values.baseAddress else { return }
        let raw = UnsafeMutableRawPointer(base)
        var i = 0
        while i + 4 <= values.count {
            let x = raw.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self)
            raw.storeBytes(of: exp4(x), toByteOffset: i * 8, as: SIMD4<Double>.self)
            i += 4
        }
        while i < values.count {
            values[i] = exp4(SIMD4(values[i], 0, 0, 0))[0]
            i += 1
        }
    }

    /// `e^x` lane by lane.
    @inline(__always)
    static func exp4(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let shift = SIMD4<Double>(repeating: shifter)
        // k = round(x·log2e), in the low bits of `rounded` and as a double
        let rounded = x * log2e + shift
        let k = rounded - shift
        // r = x − k ln 2, in two steps
        let r = (x - k * ln2hi) - k * ln2lo
        // Σ_{n=0}^{13} rⁿ/n! = 1 + (r + r²·Q(r)), Q(r) = Σ_{n=2}^{13} rⁿ⁻²/n! by Estrin's scheme
        // (pairs, then pairs of pairs: a short chain of dependent operations, where Horner's
        // would wait on fourteen in a row); the 1 is added last, so it is rounded once.
        let r2 = r * r, r4 = r2 * r2, r8 = r4 * r4
        let c0 = 0.5 + r * (1.0 / 6), c1 = 1.0 / 24 + r * (1.0 / 120)
        let c2 = 1.0 / 720 + r * (1.0 / 5_040), c3 = 1.0 / 40_320 + r * (1.0 / 362_880)
        let c4 = 1.0 / 3_628_800 + r * (1.0 / 39_916_800), c5 = 1.0 / 479_001_600 + r * (1.0 / 6_227_020_800)
        let q = ((c0 + c1 * r2) + (c2 + c3 * r2) * r4) + (c4 + c5 * r2) * r8
        let p = 1 + (r + r2 * q)
        // 2^k: the biased exponent k + 1023 in bits 52…62 (k ≥ −1022 here)
        let kBits = unsafeBitCast(rounded, to: SIMD4<UInt64>.self) &- unsafeBitCast(shift, to: SIMD4<UInt64>.self)
        let scale = unsafeBitCast((kBits &+ 1023) &<< 52, to: SIMD4<Double>.self)
        var result = p * scale
        // x < −708 or NaN: the C library's exp
        for lane in 0..<4 where !(x[lane] >= smallest) { result[lane] = Foundation.exp(x[lane]) }
        return result
    }
}
