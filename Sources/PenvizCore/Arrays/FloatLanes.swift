/// Reads stored floating-point elements four at a time as Float64 lanes, for
/// the typed inner loops of a streaming pass (see ``VectorKernels``).
///
/// Each conformer reads one stored type in the host's byte order from unaligned
/// bytes. Conversions are exact: every float16, bfloat16 and float32 value is a
/// float64 value. float16 is widened with integer bit operations on four lanes
/// at once, since not every CPU converts it in hardware.
protocol FloatLanes {
    /// Bytes of one stored element.
    static var itemSize: Int { get }
    /// Elements `index ..< index + 4` from `base`, as Float64.
    static func load4(_ base: UnsafeRawPointer, _ index: Int) -> SIMD4<Double>
    /// Element `index` from `base`, as Float64.
    static func load1(_ base: UnsafeRawPointer, _ index: Int) -> Double
    /// True when any of elements `index ..< index + 4` is NaN or infinite.
    static func anyNonfinite4(_ base: UnsafeRawPointer, _ index: Int) -> Bool
}

extension FloatLanes {
    /// Four binary32 values as binary64 (exact).
    @inline(__always)
    static func widen(_ values: SIMD4<Float>) -> SIMD4<Double> {
        SIMD4<Double>(Double(values[0]), Double(values[1]), Double(values[2]), Double(values[3]))
    }

    /// True when element `index` is NaN or infinite.
    @inline(__always)
    static func isNonfinite1(_ base: UnsafeRawPointer, _ index: Int) -> Bool {
        !load1(base, index).isFinite
    }
}

/// IEEE binary32 elements.
enum Float32Lanes: FloatLanes {
    static var itemSize: Int { 4 }

    @inline(__always)
    static func load4(_ base: UnsafeRawPointer, _ index: Int) -> SIMD4<Double> {
        widen(base.loadUnaligned(fromByteOffset: index * 4, as: SIMD4<Float>.self))
    }

    @inline(__always)
    static func load1(_ base: UnsafeRawPointer, _ index: Int) -> Double {
        Double(base.loadUnaligned(fromByteOffset: index * 4, as: Float.self))
    }

    @inline(__always)
    static func anyNonfinite4(_ base: UnsafeRawPointer, _ index: Int) -> Bool {
        // A binary32 value is NaN or infinite exactly when its eight exponent bits are all ones.
        let exponents = base.loadUnaligned(fromByteOffset: index * 4, as: SIMD4<UInt32>.self) & 0x7F80_0000
        return any(exponents .== 0x7F80_0000)
    }
}

/// IEEE binary64 elements.
enum Float64Lanes: FloatLanes {
    static var itemSize: Int { 8 }

    @inline(__always)
    static func load4(_ base: UnsafeRawPointer, _ index: Int) -> SIMD4<Double> {
        base.loadUnaligned(fromByteOffset: index * 8, as: SIMD4<Double>.self)
    }

    @inline(__always)
    static func load1(_ base: UnsafeRawPointer, _ index: Int) -> Double {
        base.loadUnaligned(fromByteOffset: index * 8, as: Double.self)
    }

    @inline(__always)
    static func anyNonfinite4(_ base: UnsafeRawPointer, _ index: Int) -> Bool {
        let exponents = base.loadUnaligned(fromByteOffset: index * 8, as: SIMD4<UInt64>.self) & 0x7FF0_0000_0000_0000
        return any(exponents .== 0x7FF0_0000_0000_0000)
    }
}

/// bfloat16 elements: the high half of a binary32 value.
enum BFloat16Lanes: FloatLanes {
    static var itemSize: Int { 2 }

    @inline(__always)
    static func load4(_ base: UnsafeRawPointer, _ index: Int) -> SIMD4<Double> {
        let halves = SIMD4<UInt32>(truncatingIfNeeded: base.loadUnaligned(fromByteOffset: index * 2, as: SIMD4<UInt16>.self))
        // The stored 16 bits are the top of the binary32 value: shift them into place.
        return widen(unsafeBitCast(halves &<< 16, to: SIMD4<Float>.self))
    }

    @inline(__always)
    static func load1(_ base: UnsafeRawPointer, _ index: Int) -> Double {
        Double(Float(bitPattern: UInt32(base.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)) << 16))
    }

    @inline(__always)
    static func anyNonfinite4(_ base: UnsafeRawPointer, _ index: Int) -> Bool {
        let exponents = base.loadUnaligned(fromByteOffset: index * 2, as: SIMD4<UInt16>.self) & 0x7F80
        return any(exponents .== 0x7F80)
    }
}

/// IEEE binary16 elements.
///
/// Widened with integer bit operations on four lanes at once, since not every
/// CPU converts binary16 in hardware.
enum Float16Lanes: FloatLanes {
    static var itemSize: Int { 2 }

    @inline(__always)
    static func load4(_ base: UnsafeRawPointer, _ index: Int) -> SIMD4<Double> {
        widen(binary32(base.loadUnaligned(fromByteOffset: index * 2, as: SIMD4<UInt16>.self)))
    }

    @inline(__always)
    static func load1(_ base: UnsafeRawPointer, _ index: Int) -> Double {
        Double(binary32(SIMD4<UInt16>(repeating: base.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)))[0])
    }

    /// binary16 bit patterns as binary32 values, exactly.
    ///
    /// The exponent and mantissa bits move up 13 places to where binary32 keeps
    /// them; read as a binary32 the result is the half's magnitude times 2⁻¹¹² (the
    /// exponent biases are 15 and 127), for normal and subnormal halves alike, and
    /// times 2¹¹² it is the magnitude. An all-ones exponent (infinity, NaN) gets
    /// binary32's all-ones exponent, keeping the mantissa (and the product keeps
    /// it so). The sign moves up 16 places.
    @inline(__always)
    static func binary32(_ halves: SIMD4<UInt16>) -> SIMD4<Float> {
        let bits = SIMD4<UInt32>(truncatingIfNeeded: halves)
        var magnitude = (bits & 0x7FFF) &<< 13
        magnitude.replace(with: magnitude | 0x7F80_0000, where: bits & 0x7C00 .== 0x7C00)
        return unsafeBitCast(magnitude | ((bits & 0x8000) &<< 16), to: SIMD4<Float>.self) * 0x1p112
    }

    @inline(__always)
    static func anyNonfinite4(_ base: UnsafeRawPointer, _ index: Int) -> Bool {
        let exponents = base.loadUnaligned(fromByteOffset: index * 2, as: SIMD4<UInt16>.self) & 0x7C00
        return any(exponents .== 0x7C00)
    }
}
