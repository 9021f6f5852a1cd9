/// A zip archive of stored members with their CRC-32s, for fuzz targets that wrap
/// their input in a well-formed container (the PyTorch target wraps a pickle).
public enum StoredZip {
    /// The bytes of a zip holding `members` (name, content), stored, without zip64.
    public static func archive(_ members: [(name: String, content: [UInt8])]) -> [UInt8] {
        var archive: [UInt8] = [], directory: [UInt8] = []
        for (name, content) in members {
            let offset = UInt32(archive.count), nameBytes = Array(name.utf8), crc = crc32(content)
            let fields = le(UInt16(0)) + le(UInt16(0)) + le(UInt32(0)) + le(crc) + le(UInt32(content.count)) + le(UInt32(content.count))
                + le(UInt16(nameBytes.count)) + le(UInt16(0))
            archive += le(UInt32(0x0403_4B50)) + le(UInt16(20)) + fields + nameBytes + content
            directory += le(UInt32(0x0201_4B50)) + le(UInt16(20)) + le(UInt16(20)) + fields
                + le(UInt16(0)) + le(UInt16(0)) + le(UInt16(0)) + le(UInt32(0)) + le(offset) + nameBytes
        }
        let directoryOffset = UInt32(archive.count)
        archive += directory
        archive += le(UInt32(0x0605_4B50)) + le(UInt16(0)) + le(UInt16(0)) + le(UInt16(members.count)) + le(UInt16(members.count))
            + le(UInt32(directory.count)) + le(directoryOffset) + le(UInt16(0))
        return archive
    }

    private static func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian, Array.init)
    }

    /// The zip (IEEE, reflected) CRC-32.
    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
