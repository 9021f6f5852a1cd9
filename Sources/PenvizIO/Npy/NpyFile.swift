import PenvizCore

/// One `.npy` file, memory-mapped: an archive holding a single array.
///
/// Opening maps the file and checks the header and that the data size matches it;
/// ``array(_:)`` then reads in place. The key is the file's stem unless given.
public struct NpyFile: ArrayArchive, Sendable {
    /// The path as given, used in error messages.
    public let path: String
    /// The one key: the file stem (`train_features.npy` → `train_features`) or the key given.
    public let key: String
    /// The parsed header.
    public let header: NpyHeader
    private let storage: ByteStorage

    /// Maps and checks the `.npy` file at `path`; `key` overrides the key (a directory archive
    /// passes `train/features` for `train/features.npy`).
    public init(path: String, key: String? = nil) throws {
        let key = key ?? ArchiveKeys.stem(of: path)
        let storage = try MappedFile.map(path)
        let header = try NpyHeader.parse(storage.bytes, file: path, key: key)
        try header.checkDataSize(available: storage.count - header.dataOffset, file: path, key: key)
        self.path = path
        self.key = key
        self.header = header
        self.storage = storage
    }

    public var entries: [ArrayEntry] {
        [header.entry(key: key, available: storage.count - header.dataOffset)]
    }

    public func array(_ key: String) throws -> ArrayView {
        guard key == self.key else { throw missingKey(key) }
        return try header.view(of: storage, dataStart: header.dataOffset, file: path, key: key)
    }
}
