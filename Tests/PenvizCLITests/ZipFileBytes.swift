import Foundation

/// One member of a zip archive written by ``ZipFileBytes``, with every field a test may want to falsify.
struct ZipMemberBytes {
    /// The name as stored (raw bytes, so a test can store a name that is not UTF-8).
    var name: [UInt8]
    /// The member's data as stored: the raw bytes, or a deflate stream when `method` is 8.
    var content: Data
    /// 0 stored, 8 deflated (or any other number a test wants to try).
    var method: UInt16 = 0
    /// General-purpose flags; bit 0 claims encryption.
    var flags: UInt16 = 0
    /// The uncompressed size the entry declares (by default the content's size).
    var declaredSize: UInt32?
    /// The CRC-32 recorded (by default that of `content`).
    var crc32: UInt32?

    init(_ name: String, _ content: Data) {
        self.name = Array(name.utf8)
        self.content = content
    }
}

/// Writes zip archives byte by byte (no zip64, no compression of its own), independently
/// of penviz's reader, so tests can build `.npz` files NumPy would never write.
enum ZipFileBytes {
    /// An archive of `members`; `claimedCount` overrides the member count of the end record.
    static func archive(_ members: [ZipMemberBytes], claimedCount: UInt16? = nil) -> Data {
        var archive = Data()
        var directory = Data()
        for member in members {
            let offset = UInt32(archive.count)
            let crc = member.crc32 ?? crc32(member.content)
            let fields = le(member.flags) + le(member.method) + le(UInt32(0)) + le(crc)
                + le(UInt32(member.content.count)) + le(member.declaredSize ?? UInt32(member.content.count))
                + le(UInt16(member.name.count)) + le(UInt16(0))
            archive += le(UInt32(0x0403_4b50)) + le(UInt16(20)) + fields + Data(member.name) + member.content
            directory += le(UInt32(0x0201_4b50)) + le(UInt16(20)) + le(UInt16(20)) + fields
                + le(UInt16(0)) + le(UInt16(0)) + le(UInt16(0)) + le(UInt32(0)) + le(offset) + Data(member.name)
        }
        let directoryOffset = UInt32(archive.count)
        let count = claimedCount ?? UInt16(members.count)
        archive += directory
        archive += le(UInt32(0x0605_4b50)) + le(UInt16(0)) + le(UInt16(0)) + le(count) + le(count)
            + le(UInt32(directory.count)) + le(directoryOffset) + le(UInt16(0))
        return archive
    }

    /// The zip (IEEE, reflected) CRC-32 of `data`, a byte at a time from a table of the 256
    /// one-byte remainders (built bit by bit).
    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        data.withUnsafeBytes { bytes in
            for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return ~crc
    }

    /// The CRC-32 remainder of each byte value.
    private static let crcTable: [UInt32] = (0..<256).map { value in
        var crc = UInt32(value)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        return crc
    }

    /// Little-endian bytes of an integer.
    static func le<T: FixedWidthInteger>(_ value: T) -> Data {
        withUnsafeBytes(of: value.littleEndian) { Data($0) }
    }
}
