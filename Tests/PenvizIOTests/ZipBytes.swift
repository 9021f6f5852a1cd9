/// A minimal zip writer for tests: stored members, no zip64, each with its CRC-32 (bit by bit,
/// not zlib's: penviz checks stored members against it). Enough to craft archives NumPy never writes.
enum ZipBytes {
    /// A zip archive holding `members` (name, content), stored.
    static func stored(_ members: [(name: String, content: [UInt8])]) -> [UInt8] {
        var archive: [UInt8] = []
        var directory: [UInt8] = []
        for (name, content) in members {
            let offset = archive.count
            let nameBytes = Array(name.utf8)
            archive += littleEndianBytes(UInt32(0x0403_4b50)) + littleEndianBytes(UInt16(20))
            let crc = crc32(content)
            archive += littleEndianBytes(UInt16(0)) + littleEndianBytes(UInt16(0))  // flags, method
            archive += littleEndianBytes(UInt32(0)) + littleEndianBytes(crc)  // time+date, crc
            archive += littleEndianBytes(UInt32(content.count)) + littleEndianBytes(UInt32(content.count))
            archive += littleEndianBytes(UInt16(nameBytes.count)) + littleEndianBytes(UInt16(0)) + nameBytes + content

            directory += littleEndianBytes(UInt32(0x0201_4b50)) + littleEndianBytes(UInt16(20)) + littleEndianBytes(UInt16(20))
            directory += littleEndianBytes(UInt16(0)) + littleEndianBytes(UInt16(0))  // flags, method
            directory += littleEndianBytes(UInt32(0)) + littleEndianBytes(crc)  // time+date, crc
            directory += littleEndianBytes(UInt32(content.count)) + littleEndianBytes(UInt32(content.count))
            directory += littleEndianBytes(UInt16(nameBytes.count)) + [UInt8](repeating: 0, count: 8)  // extra, comment, disk, internal
            directory += littleEndianBytes(UInt32(0)) + littleEndianBytes(UInt32(offset)) + nameBytes
        }
        let directoryOffset = archive.count
        archive += directory
        archive += littleEndianBytes(UInt32(0x0605_4b50)) + [UInt8](repeating: 0, count: 4)
        archive += littleEndianBytes(UInt16(members.count)) + littleEndianBytes(UInt16(members.count))
        archive += littleEndianBytes(UInt32(directory.count)) + littleEndianBytes(UInt32(directoryOffset))
        archive += littleEndianBytes(UInt16(0))
        return archive
    }

    /// The zip (IEEE, reflected) CRC-32 of `bytes`, one bit at a time.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
