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
}
