import PenvizCore

/// A `.safetensors` file, memory-mapped.
///
/// Opening checks the header as the format requires (see ``SafetensorsHeader``);
/// ``array(_:)`` reads a tensor in place: little-endian, C order. Dtypes: F16, BF16,
/// F32, F64, I8–I64, U8–U64 and BOOL; others (the 8-bit floats, …) are refused by name.
public struct SafetensorsFile: ArrayArchive, Sendable {
    /// The path as given, used in error messages.
    public let path: String
    /// The tensors, in the order of their data in the file.
    public let entries: [ArrayEntry]
    /// The header's `__metadata__` strings (empty when absent).
    public let metadata: [String: String]
    private let storage: ByteStorage
    private let tensors: [String: Tensor]

    /// Where one tensor's data is.
    private struct Tensor: Sendable {
        let dtype: DType
        let shape: [Int]
        let start: Int
    }

    /// Maps and checks the file at `path`.
    public init(path: String) throws {
        let storage = try MappedFile.map(path)
        let header = try SafetensorsHeader.parse(storage.bytes, file: path)
        self.path = path
        self.storage = storage
        self.metadata = header.metadata
        self.entries = header.tensors.map {
            ArrayEntry(key: $0.name, storedType: $0.storedType, dtype: $0.dtype, shape: $0.shape, byteCount: $0.byteCount)
        }
        self.tensors = Dictionary(uniqueKeysWithValues: header.tensors.map {
            ($0.name, Tensor(dtype: $0.dtype, shape: $0.shape, start: $0.start))
        })
    }

    public func array(_ key: String) throws -> ArrayView {
        guard let tensor = tensors[key] else { throw missingKey(key) }
        do {
            return try ArrayView(shape: tensor.shape, dtype: tensor.dtype, byteOrder: .little, storage: storage, offset: tensor.start)
        } catch let error as ArrayError {
            throw PenvizError.input(path, key: key, error.description)
        }
    }
}
