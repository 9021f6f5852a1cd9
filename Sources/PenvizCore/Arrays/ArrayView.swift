/// An n-dimensional array read in place from stored bytes.
///
/// The view never copies: it knows the element type, byte order and memory
/// order (C or Fortran) of the bytes, and converts elements to `Double` as they
/// are read. Indices are always given in C (row-major) order, whatever order the
/// bytes are stored in.
public struct ArrayView: Sendable {
    /// The extent of each dimension; `[]` is a 0-d array holding one element.
    public let shape: [Int]
    /// The stored element type.
    public let dtype: DType
    /// The stored byte order of multi-byte elements.
    public let byteOrder: ByteOrder
    /// True when the first index varies fastest in storage (NumPy `fortran_order`).
    public let isFortranOrder: Bool
    /// The bytes; the array starts at `offset`.
    public let storage: ByteStorage
    /// Byte offset of element 0 in `storage`.
    public let offset: Int

    /// Element strides in storage, in elements, for each dimension.
    private let strides: [Int]

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
        self.isFortranOrder = fortranOrder && shape.count > 1
        self.storage = storage
        self.offset = offset
        // Strides are partial products of the shape. With no elements nothing is ever read, and a
        // shape such as (0, 2^32, 2^32) has partial products that overflow: its strides stay 1.
        var strides = [Int](repeating: 1, count: shape.count)
        if count > 0 {
            if self.isFortranOrder {
                for d in shape.indices.dropFirst() { strides[d] = strides[d - 1] * shape[d - 1] }
            } else {
                for d in shape.indices.reversed().dropFirst() { strides[d] = strides[d + 1] * shape[d + 1] }
            }
        }
        self.strides = strides
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

    /// The storage offset, in elements, of the element at C-order `index`.
    @inline(__always)
    private func storageIndex(ofFlat flat: Int) -> Int {
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

    /// The element at C-order position `flat`, as a `Double`.
    public func double(atFlat flat: Int) -> Double {
        ElementDecoder(dtype: dtype, byteOrder: byteOrder)
            .double(storage.base + offset, storageIndex(ofFlat: flat))
    }

    /// The element at row `row`, column `column` of a 2-d array.
    public func double(row: Int, column: Int) -> Double {
        let position = row * strides[0] + column * strides[1]
        return ElementDecoder(dtype: dtype, byteOrder: byteOrder).double(storage.base + offset, position)
    }

    /// Every element in C order, as `Double`s.
    public func doubles() -> [Double] {
        let decoder = ElementDecoder(dtype: dtype, byteOrder: byteOrder)
        let base = storage.base + offset
        if shape.count <= 1 || !isFortranOrder {
            return (0..<count).map { decoder.double(base, $0) }
        }
        return (0..<count).map { decoder.double(base, storageIndex(ofFlat: $0)) }
    }

    /// Reads row `row` of a 2-d array into `buffer` (which holds `columnCount` values).
    public func readRow(_ row: Int, into buffer: UnsafeMutableBufferPointer<Double>) {
        if shape.count == 2, !isFortranOrder, byteOrder == .host, readContiguousRow(row, into: buffer) { return }
        let decoder = ElementDecoder(dtype: dtype, byteOrder: byteOrder)
        let base = storage.base + offset
        let columns = columnCount
        if shape.count < 2 {
            buffer[0] = decoder.double(base, row)
            return
        }
        let rowStride = strides[0], columnStride = strides[1]
        let start = row * rowStride
        for column in 0..<columns {
            buffer[column] = decoder.double(base, start + column * columnStride)
        }
    }

    /// The fast path of ``readRow(_:into:)`` for a C-order row of floats in the
    /// host's byte order: one typed loop per type, with the type switch outside
    /// it. Returns false for the types it does not handle.
    @inline(__always)
    private func readContiguousRow(_ row: Int, into buffer: UnsafeMutableBufferPointer<Double>) -> Bool {
        let columns = shape[1]
        let start = storage.base + offset + row * columns * dtype.itemSize
        switch dtype {
        case .float32:
            for column in 0..<columns {
                buffer[column] = Double(start.loadUnaligned(fromByteOffset: column * 4, as: Float.self))
            }
        case .float64:
            for column in 0..<columns {
                buffer[column] = start.loadUnaligned(fromByteOffset: column * 8, as: Double.self)
            }
        case .float16:
            for column in 0..<columns {
                buffer[column] = Double(Float(start.loadUnaligned(fromByteOffset: column * 2, as: Float16.self)))
            }
        case .bfloat16:
            for column in 0..<columns {
                let bits = UInt32(start.loadUnaligned(fromByteOffset: column * 2, as: UInt16.self)) << 16
                buffer[column] = Double(Float(bitPattern: bits))
            }
        default:
            return false
        }
        return true
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
        let base = storage.base + offset
        switch dtype {
        case .unicode(let length):
            return try (0..<count).map { flat in
                let start = base + storageIndex(ofFlat: flat) * 4 * length
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
                let start = base + storageIndex(ofFlat: flat) * length
                let bytes = UnsafeRawBufferPointer(start: start, count: length)
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
        }
    }
}
