/// Reads one stored element of a numeric type as a `Double`.
///
/// `double(base, index)` reads element `index` (counted in elements, not bytes)
/// from `base`, honouring the stored byte order. Unaligned storage is fine.
struct ElementDecoder {
    let dtype: DType
    let byteOrder: ByteOrder

    @inline(__always)
    private func load<T: FixedWidthInteger>(_ base: UnsafeRawPointer, _ index: Int, as: T.Type) -> T {
        let raw = base.loadUnaligned(fromByteOffset: index * MemoryLayout<T>.size, as: T.self)
        return byteOrder == .little ? T(littleEndian: raw) : T(bigEndian: raw)
    }

    @inline(__always)
    func double(_ base: UnsafeRawPointer, _ index: Int) -> Double {
        switch dtype {
        case .float32: return Double(Float(bitPattern: load(base, index, as: UInt32.self)))
        case .float64: return Double(bitPattern: load(base, index, as: UInt64.self))
        case .float16: return Double(Float16(bitPattern: load(base, index, as: UInt16.self)))
        case .bfloat16: return Double(Float(bitPattern: UInt32(load(base, index, as: UInt16.self)) << 16))
        case .int8: return Double(load(base, index, as: Int8.self))
        case .int16: return Double(load(base, index, as: Int16.self))
        case .int32: return Double(load(base, index, as: Int32.self))
        case .int64: return Double(load(base, index, as: Int64.self))
        case .uint8: return Double(load(base, index, as: UInt8.self))
        case .uint16: return Double(load(base, index, as: UInt16.self))
        case .uint32: return Double(load(base, index, as: UInt32.self))
        case .uint64: return Double(load(base, index, as: UInt64.self))
        case .bool: return load(base, index, as: UInt8.self) == 0 ? 0 : 1
        case .unicode, .bytes: return .nan
        }
    }
}
