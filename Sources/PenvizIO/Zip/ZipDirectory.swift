import PenvizCore

/// One member as a zip archive's central directory describes it (zip64 fields already applied).
struct ZipMember: Sendable {
    /// The member's path inside the archive, `/`-separated.
    let name: String
    /// The raw name bytes, compared with the local header's copy.
    let nameBytes: [UInt8]
    /// 0 stored, 8 deflated; anything else is refused by the reader.
    let method: UInt16
    /// General-purpose flags; bit 0 means encrypted.
    let flags: UInt16
    let crc32: UInt32
    let compressedSize: UInt64
    let uncompressedSize: UInt64
    /// Where the member's local file header starts.
    let localHeaderOffset: UInt64

    var isEncrypted: Bool { flags & 1 != 0 }
    var isDirectory: Bool { name.hasSuffix("/") }
}

/// A strict reader of a zip archive's central directory, working on the mapped file.
///
/// ZIPFoundation keeps the local-header offset of an entry internal, and reading a
/// stored member in place needs exactly that offset, so penviz reads the directory
/// itself: the end-of-central-directory record (found in the last 64 KiB), the zip64
/// locator and end record when present, then every directory entry with its zip64
/// extra field. Every offset and size is checked against the file before use.
enum ZipDirectory {
    private static let endRecordSignature: UInt32 = 0x0605_4b50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    private static let zip64EndRecordSignature: UInt32 = 0x0606_4b50
    private static let directoryEntrySignature: UInt32 = 0x0201_4b50
    private static let localHeaderSignature: UInt32 = 0x0403_4b50
    private static let zip64ExtraFieldID: UInt16 = 0x0001

    /// Every member listed in the central directory of the zip archive `bytes`, in directory order.
    static func members(of bytes: UnsafeRawBufferPointer, file: String) throws -> [ZipMember] {
        func fail(_ problem: String) -> PenvizError { PenvizError.input(file, problem) }
        guard let endRecord = findEndRecord(bytes) else {
            throw fail("not a zip archive (no end-of-central-directory record); .npz and PyTorch files are zip archives")
        }
        var entryCount = UInt64(bytes.littleEndian(UInt16.self, at: endRecord + 10)!)
        var directorySize = UInt64(bytes.littleEndian(UInt32.self, at: endRecord + 12)!)
        var directoryOffset = UInt64(bytes.littleEndian(UInt32.self, at: endRecord + 16)!)
        var disks = [bytes.littleEndian(UInt16.self, at: endRecord + 4)!, bytes.littleEndian(UInt16.self, at: endRecord + 6)!]
            .map(UInt32.init)
        let locator = endRecord - 20
        if locator >= 0, bytes.littleEndian(UInt32.self, at: locator) == zip64LocatorSignature {
            guard let recordOffset = bytes.littleEndian(UInt64.self, at: locator + 8),
                  let record = Int(exactly: recordOffset),
                  bytes.littleEndian(UInt32.self, at: record) == zip64EndRecordSignature,
                  let count = bytes.littleEndian(UInt64.self, at: record + 32),
                  let size = bytes.littleEndian(UInt64.self, at: record + 40),
                  let offset = bytes.littleEndian(UInt64.self, at: record + 48)
            else { throw fail("broken zip64 end-of-central-directory record") }
            (entryCount, directorySize, directoryOffset) = (count, size, offset)
            disks = [bytes.littleEndian(UInt32.self, at: record + 16)!, bytes.littleEndian(UInt32.self, at: record + 20)!]
        }
        guard disks.allSatisfy({ $0 == 0 }) else { throw fail("multi-part zip archives are not supported") }
        guard let start = Int(exactly: directoryOffset), let size = Int(exactly: directorySize),
              let directory = bytes.slice(at: start, length: size)
        else { throw fail("central directory lies outside the file (truncated archive?)") }
        guard entryCount <= UInt64(size / 46) else {
            throw fail("central directory claims \(entryCount) members, more than its \(size) bytes can hold")
        }
        var members: [ZipMember] = []
        var position = 0
        for _ in 0..<entryCount {
            let (member, next) = try readDirectoryEntry(directory, at: position, fail: fail)
            members.append(member)
            position = next
        }
        return members
    }

    /// Refuses member names that would leave a folder they were extracted into.
    static func checkContained(_ name: String, file: String) throws {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "\\", omittingEmptySubsequences: false) }
        let isAbsolute = name.hasPrefix("/") || name.hasPrefix("\\") || (components.first?.hasSuffix(":") ?? false)
        if isAbsolute || components.contains("..") {
            throw PenvizError.input(
                file, "member '\(name)' has \(isAbsolute ? "an absolute path" : "a '..' path component"); penviz refuses such archives")
        }
    }

    /// Refuses members whose bytes (local header to end of data, `start..<end`) overlap.
    /// Each deflated member may inflate up to 1032-fold, so members that share one stream
    /// would let a small file inflate to that many times over (the overlapping zip bomb);
    /// disjoint members keep the total within 1032 × the file's size, and stored members
    /// that share bytes would let one damaged region count twice.
    static func checkDisjoint(_ extents: [(start: Int, end: Int, name: String)], file: String) throws {
        let sorted = extents.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.start < earlier.end {
            throw PenvizError.input(
                file, "members '\(earlier.name)' and '\(later.name)' share bytes; penviz refuses overlapping members (zip bomb?)")
        }
    }

    /// The offset of the first data byte of `member`, read from its local header, after checking
    /// that the header matches the directory and that the member's data lies inside the file.
    static func dataStart(of member: ZipMember, in bytes: UnsafeRawBufferPointer, file: String) throws -> Int {
        func fail(_ problem: String) -> PenvizError {
            PenvizError.input(file, problem + " (member '\(member.name)')")
        }
        guard let header = Int(exactly: member.localHeaderOffset),
              bytes.littleEndian(UInt32.self, at: header) == localHeaderSignature,
              let nameLength = bytes.littleEndian(UInt16.self, at: header + 26),
              let extraLength = bytes.littleEndian(UInt16.self, at: header + 28),
              let name = bytes.slice(at: header + 30, length: Int(nameLength))
        else { throw fail("local file header is missing or cut off") }
        guard Array(name) == member.nameBytes else { throw fail("local file header names a different member") }
        let start = header + 30 + Int(nameLength) + Int(extraLength)
        guard let length = Int(exactly: member.compressedSize), bytes.slice(at: start, length: length) != nil else {
            throw fail("member data runs past the end of the file (truncated archive?)")
        }
        return start
    }

    /// The end-of-central-directory record's offset: searched backwards, since a comment of up to 64 KiB may follow it.
    private static func findEndRecord(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        for offset in stride(from: bytes.count - 22, through: lowest, by: -1)
        where bytes.littleEndian(UInt32.self, at: offset) == endRecordSignature {
            let commentLength = Int(bytes.littleEndian(UInt16.self, at: offset + 20)!)
            if offset + 22 + commentLength <= bytes.count { return offset }
        }
        return nil
    }

    private static func readDirectoryEntry(
        _ directory: UnsafeRawBufferPointer, at position: Int, fail: (String) -> PenvizError
    ) throws -> (ZipMember, next: Int) {
        guard directory.littleEndian(UInt32.self, at: position) == directoryEntrySignature,
              let nameLength = directory.littleEndian(UInt16.self, at: position + 28),
              let extraLength = directory.littleEndian(UInt16.self, at: position + 30),
              let commentLength = directory.littleEndian(UInt16.self, at: position + 32),
              let nameBytes = directory.slice(at: position + 46, length: Int(nameLength)),
              let extra = directory.slice(at: position + 46 + Int(nameLength), length: Int(extraLength)),
              directory.slice(at: position + 46 + Int(nameLength) + Int(extraLength), length: Int(commentLength)) != nil
        else { throw fail("central directory entry at byte \(position) is malformed") }
        let flags = directory.littleEndian(UInt16.self, at: position + 8)!
        let name = try decodeName(Array(nameBytes), fail: fail)
        var uncompressed = UInt64(directory.littleEndian(UInt32.self, at: position + 24)!)
        var compressed = UInt64(directory.littleEndian(UInt32.self, at: position + 20)!)
        var offset = UInt64(directory.littleEndian(UInt32.self, at: position + 42)!)
        if uncompressed == 0xFFFF_FFFF || compressed == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // The zip64 extra field holds, in this order, each of these that is 0xFFFFFFFF above.
            guard let zip64 = zip64Field(in: extra) else {
                throw fail("member '\(name)' needs a zip64 extra field and has none")
            }
            var cursor = 0
            func next() throws -> UInt64 {
                guard let value = zip64.littleEndian(UInt64.self, at: cursor) else {
                    throw fail("member '\(name)' has a short zip64 extra field")
                }
                cursor += 8
                return value
            }
            if uncompressed == 0xFFFF_FFFF { uncompressed = try next() }
            if compressed == 0xFFFF_FFFF { compressed = try next() }
            if offset == 0xFFFF_FFFF { offset = try next() }
        }
        let member = ZipMember(
            name: name, nameBytes: Array(nameBytes), method: directory.littleEndian(UInt16.self, at: position + 10)!,
            flags: flags, crc32: directory.littleEndian(UInt32.self, at: position + 16)!,
            compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: offset)
        return (member, position + 46 + Int(nameLength) + Int(extraLength) + Int(commentLength))
    }

    /// The data of the zip64 extended-information extra field, if the extra data has one.
    private static func zip64Field(in extra: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        var position = 0
        while let id = extra.littleEndian(UInt16.self, at: position),
              let size = extra.littleEndian(UInt16.self, at: position + 2),
              let data = extra.slice(at: position + 4, length: Int(size)) {
            if id == zip64ExtraFieldID { return data }
            position += 4 + Int(size)
        }
        return nil
    }

    /// Names are read as UTF-8, flagged so or not: ASCII names, such as NumPy's keys, read the same in
    /// every zip name encoding, and a name that is not UTF-8 is refused rather than guessed.
    private static func decodeName(_ bytes: [UInt8], fail: (String) -> PenvizError) throws -> String {
        guard let name = String(validating: bytes, as: UTF8.self) else {
            throw fail("a member name is not valid UTF-8")
        }
        return name
    }
}
