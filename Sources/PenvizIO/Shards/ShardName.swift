/// The name of one shard of a sharded array file: `KEY.INDEX-of-COUNT`, as in
/// `train_features.00003-of-00008.npy` (one file per GPU rank or per chunk).
struct ShardName: Equatable {
    /// The key the shards make up together (`train_features`).
    let key: String
    /// This shard's place, from 0.
    let index: Int
    /// How many shards the key has.
    let count: Int

    /// A shard name from its parts.
    init(key: String, index: Int, count: Int) {
        self.key = key
        self.index = index
        self.count = count
    }

    /// Reads a file stem (the relative path without its extension); nil when it names no shard.
    init?(stem: String) {
        guard let dot = stem.lastIndex(of: ".") else { return nil }
        let key = stem[..<dot], suffix = stem[stem.index(after: dot)...]
        let parts = suffix.split(separator: "-", omittingEmptySubsequences: false)
        guard !key.isEmpty, parts.count == 3, parts[1] == "of",
            parts[0].allSatisfy(\.isASCII), parts[2].allSatisfy(\.isASCII),
            let index = Int(parts[0]), let count = Int(parts[2]), index >= 0, index < count
        else { return nil }
        self.key = String(key)
        self.index = index
        self.count = count
    }
}
