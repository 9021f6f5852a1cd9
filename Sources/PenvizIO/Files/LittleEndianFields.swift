extension UnsafeRawBufferPointer {
    /// The little-endian integer of type `T` at byte `offset`, or nil when it does not fit in the buffer.
    func littleEndian<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T? {
        let size = MemoryLayout<T>.size
        guard offset >= 0, offset <= count - size, let base = baseAddress else { return nil }
        return T(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// The bytes `offset ..< offset + length`, or nil when they are not all in the buffer.
    func slice(at offset: Int, length: Int) -> UnsafeRawBufferPointer? {
        guard offset >= 0, length >= 0, offset <= count, length <= count - offset else { return nil }
        return UnsafeRawBufferPointer(rebasing: self[offset..<(offset + length)])
    }
}
