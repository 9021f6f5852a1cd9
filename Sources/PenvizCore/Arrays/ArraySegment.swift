/// One stored piece of an ``ArrayView``: a block of consecutive rows held in one
/// storage, in C or Fortran order.
///
/// An array read from one file is one segment; an array sharded over several
/// files (``ArrayView/init(concatenating:)``) has a segment per shard, each with
/// its own storage, offset and memory order.
public struct ArraySegment: Sendable {
    /// The bytes; the segment starts at `offset`.
    public let storage: ByteStorage
    /// Byte offset of the segment's first element in `storage`.
    public let offset: Int
    /// The segment's own shape: its row count, then the array's other extents.
    public let shape: [Int]
    /// True when the first index varies fastest in storage (NumPy `fortran_order`).
    public let isFortranOrder: Bool
    /// The array row that is this segment's row 0.
    public let firstRow: Int
    /// Element strides in storage, in elements, for each dimension.
    let strides: [Int]

    /// A segment of `shape` at `offset` in `storage`; the caller has checked that it fits.
    init(storage: ByteStorage, offset: Int, shape: [Int], isFortranOrder: Bool, firstRow: Int) {
        self.storage = storage
        self.offset = offset
        self.shape = shape
        self.isFortranOrder = isFortranOrder && shape.count > 1
        self.firstRow = firstRow
        // Strides are partial products of the shape. With no elements nothing is ever read, and a
        // shape such as (0, 2^32, 2^32) has partial products that overflow: its strides stay 1.
        var strides = [Int](repeating: 1, count: shape.count)
        if let count = ArrayView.elementCount(shape), count > 0 {
            if self.isFortranOrder {
                for d in shape.indices.dropFirst() { strides[d] = strides[d - 1] * shape[d - 1] }
            } else {
                for d in shape.indices.reversed().dropFirst() { strides[d] = strides[d + 1] * shape[d + 1] }
            }
        }
        self.strides = strides
    }

    /// Rows in this segment (1 for a 0-d array).
    var rowCount: Int { shape.first ?? 1 }

    /// The address of the segment's element 0.
    var base: UnsafeRawPointer { storage.base + offset }

    /// The storage position, in elements, of the element at C-order position `flat` within the segment.
    @inline(__always)
    func storageIndex(ofFlat flat: Int) -> Int {
        if shape.count <= 1 || !isFortranOrder { return flat }
        var remainder = flat
        var position = 0
        for d in shape.indices.reversed() {
            let extent = shape[d]
            position += (remainder % extent) * strides[d]
            remainder /= extent
        }
        return position
    }
}
