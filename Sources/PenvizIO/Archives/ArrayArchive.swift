import PenvizCore

/// One named array in a file, as `penviz inspect` lists it.
public struct ArrayEntry: Equatable, Sendable {
    /// The key (an npz member or safetensors name without `.npy`, a file stem in a directory).
    public let key: String
    /// The element type as the file spells it (`<f4`, `F16`, `|O`, `csv`…).
    public let storedType: String
    /// The element type penviz reads it as; nil when penviz refuses the type (objects, structured dtypes).
    public let dtype: DType?
    /// The shape.
    public let shape: [Int]
    /// Bytes of array data (uncompressed).
    public let byteCount: Int
    /// The files of a sharded array, in the order they are read; empty for an array in one place.
    public let shards: [Shard]

    /// One file of a sharded array.
    public struct Shard: Equatable, Sendable {
        /// The file, relative to the run's folder.
        public let file: String
        /// Its shape.
        public let shape: [Int]
    }

    public init(key: String, storedType: String, dtype: DType?, shape: [Int], byteCount: Int, shards: [Shard] = []) {
        self.key = key
        self.storedType = storedType
        self.dtype = dtype
        self.shape = shape
        self.byteCount = byteCount
        self.shards = shards
    }
}

/// A file or folder that holds named arrays: an `.npz`, a `.safetensors`,
/// a single `.npy`/`.csv`, or a directory of them.
///
/// Opening an archive reads and checks its headers only; ``array(_:)`` maps or
/// reads one array's data when it is asked for.
public protocol ArrayArchive {
    /// The path the user gave, used in error messages.
    var path: String { get }
    /// Every array, in the order the file lists them.
    var entries: [ArrayEntry] { get }
    /// The array stored under `key`; throws a ``PenvizError`` naming the file and key.
    func array(_ key: String) throws -> ArrayView
}

extension ArrayArchive {
    /// True when the archive has an array named `key`.
    public func contains(_ key: String) -> Bool {
        entries.contains { $0.key == key }
    }
}
