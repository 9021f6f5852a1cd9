/// An n-dimensional array read in place from stored bytes.
///
/// The view never copies: it knows the element type, byte order and memory
/// order (C or Fortran) of the bytes, and converts elements to `Double` as they
/// are read. Indices are always given in C (row-major) order, whatever order the
/// bytes are stored in.
///
/// The rows may be stored in several pieces, one ``ArraySegment`` each: an
/// array sharded over several files reads as one array (see
/// ``init(concatenating:)``).
public struct ArrayView: Sendable {
    /// The extent of each dimension; `[]` is a 0-d array holding one element.
    public let shape: [Int]
    /// The stored element type.
    public let dtype: DType
    /// The stored byte order of multi-byte elements.
    public let byteOrder: ByteOrder
    /// The stored pieces, in row order; one for an array read from one file.
    public let segments: [ArraySegment]

    /// True when the (first) segment is stored in Fortran order.
    public var isFortranOrder: Bool { segments[0].isFortranOrder }
    /// The bytes of the (first) segment.
    public var storage: ByteStorage { segments[0].storage }
    /// Byte offset of the (first) segment's element 0 in ``storage``.
    public var offset: Int { segments[0].offset }

    /// Makes a view; fails when the shape is negative, overflows, or needs more bytes than `storage` has.
    public init(
        shape: [Int], dtype: DType, byteOrder: ByteOrder = .little, fortranOrder: Bool = false,
        storage: ByteStorage, offset: Int = 0
    ) throws {
        guard let count = ArrayView.elementCount(shape), dtype.itemSize > 0 || count == 0 else {
            throw ArrayError.badShape(shape)
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        guard !overflow, offset >= 0, offset <= storage.count, bytes <= storage.count - offset else {
            throw ArrayError.tooFewBytes(needed: overflow ? nil : bytes, available: storage.count - min(offset, storage.count))
        }
        self.shape = shape
        self.dtype = dtype
        self.byteOrder = byteOrder
        self.segments = [
            ArraySegment(storage: storage, offset: offset, shape: shape, isFortranOrder: fortranOrder, firstRow: 0)
        ]
    }

    /// The arrays `parts` read one after another along their first axis, as one array.
    ///
    /// Every part must have at least one dimension, the same extents after the first,
    /// the same element type and the same byte order; each keeps its own storage and
    /// memory order. Fails with ``ArrayError/partMismatch(index:_:)`` naming the first
    /// part that differs from part 0.
    public init(concatenating parts: [ArrayView]) throws {
        guard let first = parts.first else { throw ArrayError.partMismatch(index: 0, "there are no parts") }
        var segments: [ArraySegment] = []
        var rows = 0
        for (index, part) in parts.enumerated() {
            guard !part.shape.isEmpty else { throw ArrayError.partMismatch(index: index, "a 0-d array has no rows") }
            guard part.shape.dropFirst() == first.shape.dropFirst() else {
                throw ArrayError.partMismatch(
                    index: index, "its shape \(part.shape) does not continue \(first.shape) along the first axis")
            }
            guard part.dtype == first.dtype, part.byteOrder == first.byteOrder else {
                throw ArrayError.partMismatch(
                    index: index, "it holds \(part.dtype.name) (\(part.byteOrder)-endian), part 0 \(first.dtype.name) (\(first.byteOrder)-endian)")
            }
            for segment in part.segments {
                segments.append(
                    ArraySegment(
                        storage: segment.storage, offset: segment.offset, shape: segment.shape,
                        isFortranOrder: segment.isFortranOrder, firstRow: rows + segment.firstRow))
            }
            let (total, overflow) = rows.addingReportingOverflow(part.shape[0])
            guard !overflow, ArrayView.elementCount([total] + first.shape.dropFirst()) != nil else {
                throw ArrayError.badShape([total] + first.shape.dropFirst())
            }
            rows = total
        }
        self.shape = [rows] + first.shape.dropFirst()
        self.dtype = first.dtype
        self.byteOrder = first.byteOrder
        self.segments = segments
    }

    /// The product of `shape`, or nil when a dimension is negative or the product overflows `Int`.
    public static func elementCount(_ shape: [Int]) -> Int? {
        var count = 1
        for extent in shape {
            guard extent >= 0 else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            if overflow { return nil }
            count = product
        }
        return count
    }

    /// Number of elements.
    public var count: Int { ArrayView.elementCount(shape)! }

    /// Number of data bytes.
    public var byteCount: Int { count * dtype.itemSize }

    /// Rows of a 1-d or 2-d array (its first extent; 1 for a 0-d array).
    public var rowCount: Int { shape.first ?? 1 }

    /// Columns of a 2-d array (1 for 0-d and 1-d arrays).
    public var columnCount: Int { shape.count >= 2 ? shape[1] : 1 }

    /// Elements in one row: the product of the extents after the first (1 for 0-d and 1-d arrays).
    var rowElementCount: Int { ArrayView.elementCount(Array(shape.dropFirst()))! }

    /// The index in ``segments`` of the segment holding row `row`.
    @inline(__always)
    func segmentIndex(ofRow row: Int) -> Int {
        if segments.count == 1 { return 0 }
        // The last segment whose first row is at or before `row` (binary search).
        var low = 0, high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].firstRow <= row { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The segment holding C-order element `flat`, and the element's storage position in it.
    @inline(__always)
    private func locate(flat: Int) -> (segment: ArraySegment, index: Int) {
        if segments.count == 1 { return (segments[0], segments[0].storageIndex(ofFlat: flat)) }
        let rowSize = rowElementCount
        let segment = segments[segmentIndex(ofRow: flat / rowSize)]
        return (segment, segment.storageIndex(ofFlat: flat - segment.firstRow * rowSize))
    }

    /// The element at C-order position `flat`, as a `Double`.
    public func double(atFlat flat: Int) -> Double {
        let (segment, index) = locate(flat: flat)
        return ElementDecoder(dtype: dtype, byteOrder: byteOrder).double(segment.base, index)
    }

    /// The element at row `row`, column `column` of a 2-d array.
    public func double(row: Int, column: Int) -> Double {
        let segment = segments[segmentIndex(ofRow: row)]
        let position = (row - segment.firstRow) * segment.strides[0] + column * segment.strides[1]
        return ElementDecoder(dtype: dtype, byteOrder: byteOrder).double(segment.base, position)
    }

    /// Every element in C order, as `Double`s.
    public func doubles() -> [Double] {
        let decoder = ElementDecoder(dtype: dtype, byteOrder: byteOrder)
        var values: [Double] = []
        values.reserveCapacity(ArrayView.elementCount(shape) ?? 0)
        for segment in segments {
            let count = ArrayView.elementCount(segment.shape)!
            values += (0..<count).lazy.map { decoder.double(segment.base, segment.storageIndex(ofFlat: $0)) }
        }
        return values
    }

    /// Every element in C order as `Int`, read by one typed loop, when the array
    /// holds a signed integer type or an unsigned one of at most 32 bits (every
    /// value fits) in the host's byte order, each segment contiguous; else nil.
    /// For class ids of millions of rows, without a Float64 copy first.
    public func integers() -> [Int]? {
        func read<T: BinaryInteger & BitwiseCopyable>(_: T.Type) -> [Int]? {
            guard byteOrder == .host, segments.allSatisfy({ $0.shape.count <= 1 || !$0.isFortranOrder }) else { return nil }
            return [Int](unsafeUninitializedCapacity: count) { buffer, initialized in
                for segment in segments {
                    // Members of a stored .npz need not be aligned: load each element unaligned.
                    for index in 0..<ArrayView.elementCount(segment.shape)! {
                        buffer[initialized] = Int(segment.base.loadUnaligned(fromByteOffset: index * MemoryLayout<T>.size, as: T.self))
                        initialized += 1
                    }
                }
            }
        }
        switch dtype {
        case .int8: return read(Int8.self)
        case .int16: return read(Int16.self)
        case .int32: return read(Int32.self)
        case .int64: return read(Int64.self)
        case .uint8: return read(UInt8.self)
        case .uint16: return read(UInt16.self)
        case .uint32: return read(UInt32.self)
        default: return nil
        }
    }

    /// Reads row `row` of a 2-d array into `buffer` (which holds `columnCount` values).
    public func readRow(_ row: Int, into buffer: UnsafeMutableBufferPointer<Double>) {
        let segment = segments[segmentIndex(ofRow: row)]
        let local = row - segment.firstRow
        if shape.count == 2, !segment.isFortranOrder, byteOrder == .host,
            readContiguousRow(segment.base + local * shape[1] * dtype.itemSize, into: buffer)
        {
            return
        }
        let decoder = ElementDecoder(dtype: dtype, byteOrder: byteOrder)
        if shape.count < 2 {
            buffer[0] = decoder.double(segment.base, segment.storageIndex(ofFlat: local))
            return
        }
        let rowStride = segment.strides[0], columnStride = segment.strides[1]
        let start = local * rowStride
        for column in 0..<columnCount {
            buffer[column] = decoder.double(segment.base, start + column * columnStride)
        }
    }

    /// The fast path of ``readRow(_:into:)`` for a C-order row of floats in the
    /// host's byte order, starting at `start`: one typed loop per type, with the
    /// type switch outside it. Returns false for the types it does not handle.
    @inline(__always)
    private func readContiguousRow(_ start: UnsafeRawPointer, into buffer: UnsafeMutableBufferPointer<Double>) -> Bool {
        switch dtype {
        case .float32: readRow(start, as: Float32Lanes.self, into: buffer)
        case .float64: readRow(start, as: Float64Lanes.self, into: buffer)
        case .float16: readRow(start, as: Float16Lanes.self, into: buffer)
        case .bfloat16: readRow(start, as: BFloat16Lanes.self, into: buffer)
        default: return false
        }
        return true
    }

    /// Widens the `columnCount` elements of type `L` at `start` into `buffer`.
    @inline(__always)
    private func readRow<L: FloatLanes>(_ start: UnsafeRawPointer, as: L.Type, into buffer: UnsafeMutableBufferPointer<Double>) {
        let columns = shape[1]
        let destination = UnsafeMutableRawPointer(buffer.baseAddress!)
        var column = 0
        while column + 4 <= columns {
            destination.storeBytes(of: L.load4(start, column), toByteOffset: column * 8, as: SIMD4<Double>.self)
            column += 4
        }
        while column < columns {
            buffer[column] = L.load1(start, column)
            column += 1
        }
    }

    /// Reads `rows` of a 2-d array, one after another, into `buffer`
    /// (`rows.count × columnCount` values, row-major).
    public func readRows<Rows: Sequence<Int>>(_ rows: Rows, into buffer: UnsafeMutableBufferPointer<Double>) {
        let columns = columnCount
        for (offset, row) in rows.enumerated() {
            readRow(row, into: UnsafeMutableBufferPointer(rebasing: buffer[(offset * columns)..<((offset + 1) * columns)]))
        }
    }

    /// Row `row` of a 2-d array as a new array.
    public func row(_ row: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: columnCount) { buffer, initialized in
            readRow(row, into: buffer)
            initialized = columnCount
        }
    }

    /// The elements of a `unicode` or `bytes` array as Swift strings, in C order.
    ///
    /// Trailing NULs are dropped (NumPy pads short strings with them).
    /// Fails on invalid UTF-8 or invalid code points.
    public func strings() throws -> [String] {
        switch dtype {
        case .unicode(let length):
            return try (0..<count).map { flat in
                let (segment, index) = locate(flat: flat)
                let start = segment.base + index * 4 * length
                var scalars = String.UnicodeScalarView()
                for unit in 0..<length {
                    var code = start.loadUnaligned(fromByteOffset: unit * 4, as: UInt32.self)
                    code = byteOrder == .little ? UInt32(littleEndian: code) : UInt32(bigEndian: code)
                    if code == 0 { break }
                    guard let scalar = Unicode.Scalar(code) else { throw ArrayError.badText(index: flat) }
                    scalars.append(scalar)
                }
                return String(scalars)
            }
        case .bytes(let length):
            return try (0..<count).map { flat in
                let (segment, index) = locate(flat: flat)
                let bytes = UnsafeRawBufferPointer(start: segment.base + index * length, count: length)
                let used = bytes.firstIndex(of: 0) ?? length
                guard let text = String(validating: bytes[0..<used], as: UTF8.self) else {
                    throw ArrayError.badText(index: flat)
                }
                return text
            }
        default:
            throw ArrayError.notText(dtype)
        }
    }
}

/// What can be wrong with an array's bytes or shape.
public enum ArrayError: Error, Equatable, CustomStringConvertible {
    /// A negative extent, or a shape whose element count overflows.
    case badShape([Int])
    /// The shape needs more bytes than stored (`needed` is nil when the size overflows).
    case tooFewBytes(needed: Int?, available: Int)
    /// A string element is not valid UTF-8 or UTF-32.
    case badText(index: Int)
    /// Strings were asked of a numeric array.
    case notText(DType)
    /// Part `index` of a concatenation does not fit the others.
    case partMismatch(index: Int, String)

    public var description: String {
        switch self {
        case .badShape(let shape):
            return "shape \(shape) is negative or its size overflows"
        case .tooFewBytes(let needed, let available):
            if let needed { return "needs \(needed) data bytes but only \(available) are stored" }
            return "its data size overflows (only \(available) bytes are stored)"
        case .badText(let index):
            return "element \(index) is not valid text"
        case .notText(let dtype):
            return "holds \(dtype.name) values, not strings"
        case .partMismatch(let index, let reason):
            return "part \(index) cannot follow the others: \(reason)"
        }
    }
}
