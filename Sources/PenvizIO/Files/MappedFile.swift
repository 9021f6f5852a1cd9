import Foundation
import PenvizCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-only memory mappings of whole files.
///
/// Arrays are read in place from a mapping: the kernel pages in what is touched,
/// so a file larger than memory can still be read, and nothing is copied. A
/// streaming pass hands the pages it has finished with back (``MappedPaging``).
enum MappedFile {
    /// Maps the regular file at `path` read-only; the mapping lives as long as the storage.
    ///
    /// An empty file gives an empty storage (a zero-length mapping is not allowed).
    static func map(_ path: String) throws -> ByteStorage {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever;
        // it changes nothing for a regular file, and anything else is refused below.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { throw PenvizError.input(path, "cannot open: \(systemErrorText())") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw PenvizError.input(path, "cannot read: \(systemErrorText())") }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw PenvizError.input(path, "is not a regular file") }
        let size = Int(status.st_size)
        if size == 0 { return ByteStorage(copying: []) }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw PenvizError.input(path, "cannot map into memory: \(systemErrorText())")
        }
        let paging = MappedPaging(address: UInt(bitPattern: address), length: size)
        // A file that shrinks while it is read is an error line, not a crash (see ChangedFileGuard).
        let guarded = ChangedFileGuard.register(address: address, length: size, path: path)
        return ByteStorage(base: UnsafeRawPointer(address), count: size, paging: paging) {
            ChangedFileGuard.forget(guarded)
            munmap(address, size)
        }
    }
}

extension ByteStorage {
    /// The stored bytes as a buffer, for bounds-checked reading.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: count)
    }
}
