/// How a streaming pass tells the storage under an array that it has finished
/// with some bytes.
///
/// A file mapped into memory stays resident as it is read: reading a 4 GB file
/// once through its mapping would leave 4 GB in the process. A pass over rows
/// (see ``RowStream``) therefore releases every chunk behind it, and the reader
/// that mapped the file decides what releasing means (PenvizIO drops the pages
/// from the mapping; the file's bytes stay in the system's cache). Core itself
/// does no I/O: it only calls what it was handed.
public protocol StoragePaging: Sendable {
    /// The pass no longer needs bytes `range` (offsets from the storage's `base`).
    ///
    /// The bytes must stay readable: a later read sees the same values, only
    /// perhaps more slowly.
    func release(_ range: Range<Int>)

    /// Checks the storage's bytes against what its file records about them (a
    /// checksum), once the bytes have been read; the passes call it when they are
    /// done, before anything they measured is written.
    ///
    /// - Throws: ``PenvizError`` (input) naming the file when they do not match.
    func verify() throws
}

extension StoragePaging {
    /// Nothing to check: a storage whose file records no checksum.
    public func verify() throws {}
}

extension ArrayView {
    /// Checks the bytes of every storage under the array against the checksums
    /// their files record (see ``StoragePaging/verify()``): call it once a pass
    /// over the array is done, before anything measured from it is written.
    public func verifyStorage() throws {
        for segment in segments { try segment.storage.paging?.verify() }
    }
}

extension Split {
    /// Checks the bytes of the split's features and stored logits (see ``ArrayView/verifyStorage()``).
    public func verifyStorage() throws {
        try features.verifyStorage()
        try logits?.verifyStorage()
    }
}
