import Testing
@testable import PenvizCore

/// ``ArrayView/doubles()``: the typed loop for integer labels gives what the
/// element-by-element decoder gives, at any alignment and in either byte order.
struct ArrayDoublesTests {
    /// `values` stored as `T` in the host's byte order (or swapped), `offset` bytes into the storage.
    private func view<T: FixedWidthInteger>(_ values: [T], dtype: DType, offset: Int, swapped: Bool = false) throws -> ArrayView {
        let bytes = [UInt8](repeating: 0xAB, count: offset)
            + values.flatMap { withUnsafeBytes(of: swapped ? $0.byteSwapped : $0, Array.init) }
        let order: ByteOrder = swapped ? (ByteOrder.host == .little ? .big : .little) : .host
        return try ArrayView(shape: [values.count], dtype: dtype, byteOrder: order, storage: ByteStorage(copying: bytes), offset: offset)
    }

    @Test(arguments: [0, 1, 3, 8])
    func integerLabelsAtAnyOffset(offset: Int) throws {
        let wide: [Int64] = [0, 9, -1, 1 << 53, Int64.min, 7]
        #expect(try view(wide, dtype: .int64, offset: offset).doubles() == wide.map(Double.init))
        let narrow: [Int32] = [3, -2_000_000_000, 0, 41]
        #expect(try view(narrow, dtype: .int32, offset: offset).doubles() == narrow.map(Double.init))
        let bytes: [UInt8] = [0, 255, 17]
        #expect(try view(bytes, dtype: .uint8, offset: offset).doubles() == [0, 255, 17])
    }

    @Test func otherByteOrderGoesThroughTheDecoder() throws {
        let wide: [Int64] = [5, -6, 1 << 40]
        #expect(try view(wide, dtype: .int64, offset: 2, swapped: true).doubles() == [5, -6, 0x1p40])
    }
}
