import Foundation

/// A run of bytes that stays valid for as long as this object lives.
///
/// A storage is either memory penviz owns or a region of a memory-mapped file;
/// whoever made it passes a `release` closure that unmaps or frees it.
/// Arrays keep their storage alive, so an ``ArrayView`` can outlive the reader
/// that made it. A storage backed by a file can also carry a ``StoragePaging``,
/// through which a streaming pass hands back the pages it has finished with.
public final class ByteStorage: @unchecked Sendable {
    /// The first byte.
    public let base: UnsafeRawPointer
    /// How many bytes are valid from `base`.
    public let count: Int
    /// How finished bytes leave memory during a streaming pass; nil for memory penviz owns.
    public let paging: (any StoragePaging)?
    private let release: (() -> Void)?

    /// Wraps bytes that someone else allocated; `release` runs when the storage dies.
    public init(base: UnsafeRawPointer, count: Int, paging: (any StoragePaging)? = nil, release: (() -> Void)?) {
        self.base = base
        self.count = count
        self.paging = paging
        self.release = release
    }

    /// Copies `bytes` into memory the storage owns.
    public convenience init<C: Collection>(copying bytes: C) where C.Element == UInt8 {
        let count = bytes.count
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 16)
        var offset = 0
        for byte in bytes {
            memory.storeBytes(of: byte, toByteOffset: offset, as: UInt8.self)
            offset += 1
        }
        self.init(base: UnsafeRawPointer(memory), count: count) { memory.deallocate() }
    }

    /// Takes `count` bytes of freshly allocated, writable memory and lets `fill` write them.
    public convenience init(count: Int, fill: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 16)
        do {
            try fill(UnsafeMutableRawBufferPointer(start: memory, count: count))
        } catch {
            memory.deallocate()
            throw error
        }
        self.init(base: UnsafeRawPointer(memory), count: count) { memory.deallocate() }
    }

    deinit { release?() }
}
