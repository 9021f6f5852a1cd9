import PenvizCore

/// One key stored as several `.npy` files, read in order as one array (see
/// ``ArrayView/init(concatenating:)``): `train_features.00000-of-00008.npy`, …
///
/// Opening maps every shard and checks that they continue one another: the same
/// element type, byte order and extents after the first. Each shard's data stays
/// in its own mapping.
struct ShardedNpy: Sendable {
    /// The folder the shards are in, for error messages.
    let folder: String
    /// The key the shards make up.
    let key: String
    /// The shards in order, each opened under its own file path.
    let files: [NpyFile]
    /// The names of the shard files relative to the folder, in order.
    let names: [String]

    /// Opens the shards `names` (relative paths in `folder`, in shard order) of `key`.
    init(folder: String, key: String, names: [String], paths: [String]) throws {
        self.folder = folder
        self.key = key
        self.names = names
        files = try paths.map { try NpyFile(path: $0, key: key) }
        _ = try array()
    }

    /// The shards as one array; fails naming the first shard that does not continue the others.
    func array() throws -> ArrayView {
        let parts = try files.map { try $0.array(key) }
        do {
            return try ArrayView(concatenating: parts)
        } catch ArrayError.partMismatch(let index, let reason) {
            throw PenvizError.input(folder, key: key, "shard '\(names[index])' cannot follow '\(names[0])': \(reason)")
        } catch let error as ArrayError {
            throw PenvizError.input(folder, key: key, error.description)
        }
    }

    /// The inspect listing: the whole array's shape and bytes, and the shard files.
    func entry() throws -> ArrayEntry {
        let first = files[0].header
        let whole = try array()
        return ArrayEntry(
            key: key, storedType: first.descr, dtype: whole.dtype, shape: whole.shape, byteCount: whole.byteCount,
            shards: zip(names, files).map { ArrayEntry.Shard(file: $0, shape: $1.header.shape) })
    }
}
