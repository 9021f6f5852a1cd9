/// The Float64 inner loops every metric shares.
///
/// Each kernel sums in four interleaved partial sums (element i goes to lane
/// i mod 4), folds them as `(s0 + s1) + (s2 + s3)` and adds the scalar tail
/// last; the dot products use eight (see ``dot(_:_:count:)``). The order is
/// fixed, so the same inputs always give the same bits, whatever thread runs
/// the kernel.
enum VectorKernels {
    /// Σ_i x_i·y_i over `count` elements.
    ///
    /// Elements below 8⌊count/8⌋ go to eight partial sums (element i to lane
    /// i mod 8), folded as `((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7))`; the
    /// fewer than eight elements left are summed in order and added last. Eight
    /// independent sums keep the adds from waiting on each other: with four, a
    /// float16 row (half the bytes of float32) was bound by the add latency.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        var low = SIMD4<Double>(repeating: 0), high = SIMD4<Double>(repeating: 0)
        var i = 0
        while i + 8 <= count {
            low += UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Double>.self)
                * UnsafeRawPointer(y + i).loadUnaligned(as: SIMD4<Double>.self)
            high += UnsafeRawPointer(x + i + 4).loadUnaligned(as: SIMD4<Double>.self)
                * UnsafeRawPointer(y + i + 4).loadUnaligned(as: SIMD4<Double>.self)
            i += 8
        }
        var tail = 0.0
        while i < count {
            tail += x[i] * y[i]
            i += 1
        }
        return fold(low, high) + tail
    }

    /// Σ_i x_i over `count` elements, in four lanes.
    @inline(__always)
    static func sum(_ x: UnsafePointer<Double>, count: Int) -> Double {
        fourLanes(count: count) { i in
            UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Double>.self)
        } one: { i in
            x[i]
        }
    }

    /// Σ_i w_i·(z_i − c) over `count` elements, in four lanes.
    @inline(__always)
    static func weightedSum(_ w: UnsafePointer<Double>, _ z: UnsafePointer<Double>, offset c: Double, count: Int) -> Double {
        let cs = SIMD4<Double>(repeating: c)
        return fourLanes(count: count) { i in
            UnsafeRawPointer(w + i).loadUnaligned(as: SIMD4<Double>.self)
                * (UnsafeRawPointer(z + i).loadUnaligned(as: SIMD4<Double>.self) - cs)
        } one: { i in
            w[i] * (z[i] - c)
        }
    }

    /// Σ_i w_i·(z_i − c)² over `count` elements, in four lanes.
    @inline(__always)
    static func weightedSquares(_ w: UnsafePointer<Double>, _ z: UnsafePointer<Double>, offset c: Double, count: Int) -> Double {
        let cs = SIMD4<Double>(repeating: c)
        return fourLanes(count: count) { i in
            let deviation = UnsafeRawPointer(z + i).loadUnaligned(as: SIMD4<Double>.self) - cs
            return UnsafeRawPointer(w + i).loadUnaligned(as: SIMD4<Double>.self) * deviation * deviation
        } one: { i in
            let deviation = z[i] - c
            return w[i] * deviation * deviation
        }
    }

    /// Σ_i (x_i − y_i)² over `count` elements, from the differences (never expanded into dot products).
    @inline(__always)
    static func squaredDistance(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        fourLanes(count: count) { i in
            let difference = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Double>.self)
                - UnsafeRawPointer(y + i).loadUnaligned(as: SIMD4<Double>.self)
            return difference * difference
        } one: { i in
            let difference = x[i] - y[i]
            return difference * difference
        }
    }

    /// One step of Welford's running mean: the class now has `n` rows, the last being `x`.
    ///
    ///     δ_i = x_i − μ_i,   μ_i ← μ_i + δ_i / n,   returns Σ_i δ_i·(x_i − μ_i)   (μ the updated mean)
    ///
    /// The returned value is what `x` adds to the class's Σ‖x − μ‖² (M2), the
    /// squared deviations from its running mean. Lanes and fold as in ``dot(_:_:count:)``.
    @inline(__always)
    static func welfordStep(_ mean: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, count: Int, rows n: Double) -> Double {
        let ns = SIMD4<Double>(repeating: n)
        return fourLanes(count: count) { i in
            let xs = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Double>.self)
            let old = UnsafeRawPointer(mean + i).loadUnaligned(as: SIMD4<Double>.self)
            let delta = xs - old
            let new = old + delta / ns
            UnsafeMutableRawPointer(mean + i).storeBytes(of: new, as: SIMD4<Double>.self)
            return delta * (xs - new)
        } one: { i in
            let delta = x[i] - mean[i]
            mean[i] += delta / n
            return delta * (x[i] - mean[i])
        }
    }

    /// `((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7))` for lanes s0…s3 in `low`, s4…s7 in `high`.
    @inline(__always)
    private static func fold(_ low: SIMD4<Double>, _ high: SIMD4<Double>) -> Double {
        let pairs = low + high
        return (pairs[0] + pairs[1]) + (pairs[2] + pairs[3])
    }

    /// The four-lane sum every kernel but the dot product shares: `four(i)` gives the
    /// terms of elements i…i+3, added to lanes 0…3, for i below 4⌊count/4⌋; `one(i)`
    /// the term of each element left, summed in order; then
    /// `((s0 + s1) + (s2 + s3)) + tail`.
    @inline(__always)
    private static func fourLanes(
        count: Int, _ four: (Int) -> SIMD4<Double>, one: (Int) -> Double
    ) -> Double {
        var lanes = SIMD4<Double>(repeating: 0)
        var i = 0
        while i + 4 <= count {
            lanes += four(i)
            i += 4
        }
        var tail = 0.0
        while i < count {
            tail += one(i)
            i += 1
        }
        return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + tail
    }
}
