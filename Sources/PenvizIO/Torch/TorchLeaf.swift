import PenvizCore

/// One array of a PyTorch file, as ``TorchKeys`` finds it among the pickled values.
enum TorchLeaf: Sendable {
    /// A tensor, read from its storage.
    case tensor(TorchTensor)
    /// A list of strings, such as class names: a 1-d array of strings.
    case strings([String])
    /// A number (shape `[]`) or a list of numbers (shape `[n]`), as Float64, Int64 or Bool.
    case numbers(Numbers, shape: [Int])

    /// Numbers of one kind.
    enum Numbers: Sendable {
        case floats([Double])
        case ints([Int])
        case bools([Bool])
    }

    /// The entry `penviz inspect` lists for the leaf under `key`.
    func entry(key: String) -> ArrayEntry {
        switch self {
        case .tensor(let tensor):
            let dtype = tensor.storage.dtype
            return ArrayEntry(key: key, storedType: "torch.\(dtype.name)", dtype: dtype, shape: tensor.shape,
                              byteCount: tensor.count * dtype.itemSize)
        case .strings(let strings):
            let dtype = TorchLeaf.stringType(strings)
            return ArrayEntry(key: key, storedType: "list of str", dtype: dtype, shape: [strings.count],
                              byteCount: strings.count * dtype.itemSize)
        case .numbers(let numbers, let shape):
            let (name, dtype, count): (String, DType, Int)
            switch numbers {
            case .floats(let values): (name, dtype, count) = ("float", .float64, values.count)
            case .ints(let values): (name, dtype, count) = ("int", .int64, values.count)
            case .bools(let values): (name, dtype, count) = ("bool", .bool, values.count)
            }
            return ArrayEntry(key: key, storedType: shape.isEmpty ? name : "list of \(name)", dtype: dtype, shape: shape,
                              byteCount: count * dtype.itemSize)
        }
    }

    /// The fixed-length UTF-32 type that holds the longest of `strings`.
    static func stringType(_ strings: [String]) -> DType {
        .unicode(length: strings.map(\.unicodeScalars.count).max() ?? 0)
    }

    /// `strings` as a 1-d array of fixed-length UTF-32 strings, as NumPy stores `<U…`.
    static func stringArray(_ strings: [String]) throws -> ArrayView {
        let dtype = stringType(strings)
        let width = dtype.itemSize / 4
        let storage = ByteStorage(count: strings.count * dtype.itemSize) { buffer in
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            for (row, string) in strings.enumerated() {
                for (column, scalar) in string.unicodeScalars.enumerated() {
                    buffer.storeBytes(of: scalar.value.littleEndian, toByteOffset: (row * width + column) * 4, as: UInt32.self)
                }
            }
        }
        return try ArrayView(shape: [strings.count], dtype: dtype, byteOrder: .little, storage: storage)
    }

    /// `numbers` as an array of `shape`, little-endian.
    static func numberArray(_ numbers: Numbers, shape: [Int]) throws -> ArrayView {
        func stored<T: FixedWidthInteger>(_ values: [T], _ dtype: DType) throws -> ArrayView {
            let storage = ByteStorage(count: values.count * MemoryLayout<T>.size) { buffer in
                for (index, value) in values.enumerated() {
                    buffer.storeBytes(of: value.littleEndian, toByteOffset: index * MemoryLayout<T>.size, as: T.self)
                }
            }
            return try ArrayView(shape: shape, dtype: dtype, byteOrder: .little, storage: storage)
        }
        switch numbers {
        case .floats(let values): return try stored(values.map(\.bitPattern), .float64)
        case .ints(let values): return try stored(values.map(Int64.init), .int64)
        case .bools(let values): return try stored(values.map { UInt8($0 ? 1 : 0) }, .bool)
        }
    }
}
