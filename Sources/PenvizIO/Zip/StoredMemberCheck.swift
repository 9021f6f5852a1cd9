import CZlibShim
import Foundation
import PenvizCore

/// The CRC-32 check of a stored (uncompressed) `.npz` member, made from the bytes
/// penviz reads anyway.
///
/// A stored member is read in place from the mapped archive, so nothing else
/// checks it: a damaged file would be measured without a word (NumPy says "Bad
/// CRC-32"). The member's storage pages through this check: every range a
/// streaming pass releases has its CRC-32 taken first, while the bytes are still
/// in the cache, then goes on to the archive's own paging. ``verify()`` joins
/// those pieces in order (zlib's `crc32_combine`), reads only what no pass read
/// (the `.npy` header, rows left out), and compares the result with the CRC-32
/// the archive records. The passes call it (``ArrayView/verifyStorage()``) when
/// they are done, before anything they measured is written.
final class StoredMemberCheck: StoragePaging, @unchecked Sendable {
    /// The archive and the member's key, for the error.
    let file: String
    let key: String
    /// The member's bytes: its whole `.npy` file.
    let bytes: UnsafeRawBufferPointer
    /// The CRC-32 the archive records.
    let expected: UInt32
    /// The archive's paging, and where the member starts in it.
    private let archivePaging: (any StoragePaging)?
    private let offsetInArchive: Int

    private let lock = NSLock()
    /// CRC-32s of released ranges, by their first byte: (end, crc).
    private var pieces: [Int: (end: Int, crc: UInt)] = [:]
    private var verified = false

    init(file: String, key: String, bytes: UnsafeRawBufferPointer, expected: UInt32, archivePaging: (any StoragePaging)?, offsetInArchive: Int) {
        self.file = file
        self.key = key
        self.bytes = bytes
        self.expected = expected
        self.archivePaging = archivePaging
        self.offsetInArchive = offsetInArchive
    }

    /// The check of the stored `member` of the mapped zip archive `archive`, whose data is `bytes`.
    convenience init(member: ZipMember, bytes: UnsafeRawBufferPointer, in archive: ByteStorage, file: String) {
        self.init(
            file: file, key: member.name, bytes: bytes, expected: member.crc32, archivePaging: archive.paging,
            offsetInArchive: bytes.baseAddress.map { $0 - archive.base } ?? 0)
    }

    func release(_ range: Range<Int>) {
        let clamped = max(0, range.lowerBound)..<min(bytes.count, range.upperBound)
        if !clamped.isEmpty {
            let crc = Self.crc32(of: UnsafeRawBufferPointer(rebasing: bytes[clamped]))
            lock.withLock {
                if (pieces[clamped.lowerBound]?.end ?? -1) < clamped.upperBound { pieces[clamped.lowerBound] = (clamped.upperBound, crc) }
            }
        }
        archivePaging?.release((range.lowerBound + offsetInArchive)..<(range.upperBound + offsetInArchive))
    }

    /// Throws when the member's bytes do not have the CRC-32 the archive records.
    func verify() throws {
        try lock.withLock {
            guard !verified else { return }
            let starts = pieces.keys.sorted()
            var crc: UInt = 0, position = 0, next = 0
            while position < bytes.count {
                if let piece = pieces[position] {
                    crc = UInt(crc32_combine(uLong(crc), uLong(piece.crc), Int(piece.end - position)))
                    position = piece.end
                    continue
                }
                // Read up to the next piece: bytes no pass released.
                while next < starts.count, starts[next] <= position { next += 1 }
                let end = next < starts.count ? starts[next] : bytes.count
                let gap = Self.crc32(of: UnsafeRawBufferPointer(rebasing: bytes[position..<end]))
                crc = UInt(crc32_combine(uLong(crc), uLong(gap), Int(end - position)))
                position = end
            }
            guard UInt32(truncatingIfNeeded: crc) == expected else {
                throw PenvizError.input(
                    file, key: key,
                    "the stored member's bytes fail their CRC-32 check (the file is damaged; NumPy would say 'Bad CRC-32')")
            }
            verified = true
        }
    }

    /// The CRC-32 of `bytes`, by zlib.
    private static func crc32(of bytes: UnsafeRawBufferPointer) -> UInt {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        return UInt(crc32_z(0, base.assumingMemoryBound(to: Bytef.self), z_size_t(bytes.count)))
    }
}
