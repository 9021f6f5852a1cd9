/// A seeded pseudo-random generator that gives the same numbers on every
/// machine, Swift version and thread count: xoshiro256** 1.0 (Blackman & Vigna,
/// <https://prng.di.unimi.it/xoshiro256starstar.c>), its 256-bit state filled from
/// the 64-bit seed by SplitMix64 (<https://prng.di.unimi.it/splitmix64.c>), as the
/// authors recommend.
///
/// Use it for anything penviz draws at random (bootstrap resamples, subsampling
/// points for a figure) so that the same seed gives byte-identical output.
/// ``next(below:)`` is implemented here rather than taken from the standard
/// library, whose algorithm for `random(in:using:)` is not guaranteed to stay the same.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose state is the first four outputs of SplitMix64 started at `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        // SplitMix64: s += 0x9E3779B97F4A7C15; z = s; z = (z ^ z>>30)·0xBF58476D1CE4E5B9;
        // z = (z ^ z>>27)·0x94D049BB133111EB; return z ^ z>>31
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    /// A generator with the raw xoshiro256** state `s0…s3` (not all zero); for checking against the reference.
    init(state s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
        state = (s0, s1, s2, s3)
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        // result = rotl(s1 · 5, 7) · 9
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniformly distributed integer in `0..<bound` (`bound > 0`), without bias:
    /// Lemire's multiply-and-reject method (ACM TOMACS 2019), which uses the high
    /// 64 bits of `next() · bound` and rejects the few low products that would favour small values.
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "SeededGenerator.next(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            // threshold = 2⁶⁴ mod range; products whose low half falls below it are rejected.
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniformly distributed `Double` in `[0, 1)`: the top 53 bits of `next()` times 2⁻⁵³.
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
