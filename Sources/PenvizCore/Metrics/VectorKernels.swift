/// The Float64 inner loops every metric shares.
///
/// Each kernel sums in four interleaved partial sums (element i goes to lane
/// i mod 4), folds them as `(s0 + s1) + (s2 + s3)` and adds the scalar tail
/// last. The order is fixed, so the same inputs always give the same bits,
/// whatever thread runs the kernel.
enum VectorKernels {
    /// Σ_i x_i·y_i over `count` elements.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        var lanes = SIMD4<Double>(repeating: 0)
        var i = 0
        while i + 4 <= count {
            let xs = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Double>.self)
            let ys = UnsafeRawPointer(y + i).loadUnaligned(as: SIMD4<Double>.self)
            lanes += xs * ys
            i += 4
        }
        var tail = 0.0
        while i < count {
            tail += x[i] * y[i]
            i += 1
        }
        return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + tail
    }

    /// (Σ_i x_i·y_i, Σ_i x_i·z_i) over `count` elements of `x`, stored as `L` and read
    /// as Float64: one read of `x` for two dot products, with the lanes and the fold
    /// of ``dot(_:_:count:)``, so each result has the bits `dot` gives for the
    /// Float64 copy of `x`.
    @inline(__always)
    static func dots<L: FloatLanes>(
        _ x: UnsafeRawPointer, as: L.Type, _ y: UnsafePointer<Double>, _ z: UnsafePointer<Double>, count: Int
    ) -> (Double, Double) {
        var lanesY = SIMD4<Double>(repeating: 0), lanesZ = SIMD4<Double>(repeating: 0)
        var i = 0
        while i + 4 <= count {
            let xs = L.load4(x, i)
            lanesY += xs * UnsafeRawPointer(y + i).loadUnaligned(as: SIMD4<Double>.self)
            lanesZ += xs * UnsafeRawPointer(z + i).loadUnaligned(as: SIMD4<Double>.self)
            i += 4
        }
        var tailY = 0.0, tailZ = 0.0
        while i < count {
            let xi = L.load1(x, i)
            tailY += xi * y[i]
            tailZ += xi * z[i]
            i += 1
        }
        return (
            ((lanesY[0] + lanesY[1]) + (lanesY[2] + lanesY[3])) + tailY,
            ((lanesZ[0] + lanesZ[1]) + (lanesZ[2] + lanesZ[3])) + tailZ
        )
    }

    /// Σ_i (x_i − y_i)² over `count` elements, from the differences (never expanded into dot products).
    @inline(__always)
    static func squaredDistance(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        var lanes = SIMD4<Double>(repeating: 0)
        var i = 0
        while i + 4 <= count {
            let difference = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Double>.self)
                - UnsafeRawPointer(y + i).loadUnaligned(as: SIMD4<Double>.self)
            lanes += difference * difference
            i += 4
        }
        var tail = 0.0
        while i < count {
            let difference = x[i] - y[i]
            tail += difference * difference
            i += 1
        }
        return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + tail
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
        var lanes = SIMD4<Double>(repeating: 0)
        var i = 0
        while i + 4 <= count {
            let xs = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Double>.self)
            let old = UnsafeRawPointer(mean + i).loadUnaligned(as: SIMD4<Double>.self)
            let delta = xs - old
            let new = old + delta / ns
            UnsafeMutableRawPointer(mean + i).storeBytes(of: new, as: SIMD4<Double>.self)
            lanes += delta * (xs - new)
            i += 4
        }
        var tail = 0.0
        while i < count {
            let delta = x[i] - mean[i]
            mean[i] += delta / n
            tail += delta * (x[i] - mean[i])
            i += 1
        }
        return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + tail
    }
}
