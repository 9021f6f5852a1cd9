import Foundation
import PenvizCore

/// An `.npz` archive: a zip of `KEY.npy` members, as `np.savez` (stored) and
/// `np.savez_compressed` (deflated) write them, zip64 included.
///
/// Opening maps the archive, reads its central directory and every member's `.npy`
/// header (for a deflated member, by inflating just the header's bytes), and checks
/// that each member's declared size agrees with its header. Keys are member names
/// without `.npy`, and may contain `/` (`train/features`). Members that are not
/// `.npy` files are ignored; names with `..` components or absolute paths are refused.
///
/// A stored member is read in place from the mapping. A deflated member is inflated
/// when ``array(_:)`` asks for it, into memory of exactly its declared size.
public struct NpzArchive: ArrayArchive, Sendable {
    /// The path as given, used in error messages.
    public let path: String
    public let entries: [ArrayEntry]
    private let storage: ByteStorage
    private let members: [String: Member]
    private let memoryLimit: UInt64

    /// Stored members of at most this many bytes are checked against their CRC-32 when
    /// they are opened (under 10 ms); larger ones as the passes read them.
    static let checkedAtOpen = 16 << 20

    /// One `.npy` member: where it is and what its header says, and for a stored
    /// member, the check of its CRC-32 as it is read.
    private struct Member: Sendable {
        let zip: ZipMember
        let dataStart: Int
        let header: NpyHeader
        var check: StoredMemberCheck?
        var isDeflated: Bool { zip.method == 8 }
    }

    /// Opens the archive at `path`. A deflated member larger than `memoryLimit` bytes
    /// (the machine's physical memory by default) is refused when it is read.
    public init(path: String, memoryLimit: UInt64 = ProcessInfo.processInfo.physicalMemory) throws {
        let storage = try MappedFile.map(path)
        let bytes = storage.bytes
        var members: [String: Member] = [:]
        var entries: [ArrayEntry] = []
        let zipMembers = try ZipDirectory.members(of: bytes, file: path)
        for zip in zipMembers {
            try ZipDirectory.checkContained(zip.name, file: path)
            guard !zip.isDirectory, zip.name.hasSuffix(".npy") else { continue }
            let key = String(zip.name.dropLast(4))
            guard members[key] == nil else {
                throw PenvizError.input(path, key: key, "the archive holds two members named '\(zip.name)'")
            }
            var member = try NpzArchive.openMember(zip, key: key, bytes: bytes, file: path)
            if !member.isDeflated {
                member.check = StoredMemberCheck(
                    file: path, key: key,
                    bytes: UnsafeRawBufferPointer(rebasing: bytes[member.dataStart..<(member.dataStart + Int(zip.uncompressedSize))]),
                    expected: zip.crc32, archivePaging: storage.paging, offsetInArchive: member.dataStart)
            }
            members[key] = member
            entries.append(member.header.entry(key: key, available: Int(zip.uncompressedSize) - member.header.dataOffset))
        }
        guard !members.isEmpty else { throw NpzArchive.noArrays(in: zipMembers.map(\.name), file: path) }
        try ZipDirectory.checkDisjoint(
            members.values.map { (start: Int($0.zip.localHeaderOffset), end: $0.dataStart + Int($0.zip.compressedSize), name: $0.zip.name) },
            file: path)
        self.path = path
        self.entries = entries
        self.storage = storage
        self.members = members
        self.memoryLimit = memoryLimit
    }

    public func array(_ key: String) throws -> ArrayView {
        guard let member = members[key] else { throw missingKey(key) }
        if let check = member.check {
            // A small member is checked now, in one read; a large one as the passes read it.
            if check.bytes.count <= NpzArchive.checkedAtOpen { try check.verify() }
            // The member's own storage pages through its CRC-32 check (and on to the archive's paging).
            let archive = storage
            let bytes = ByteStorage(base: check.bytes.baseAddress!, count: check.bytes.count, paging: check) { _ = archive }
            return try member.header.view(of: bytes, dataStart: member.header.dataOffset, file: path, key: key)
        }
        guard member.header.dtype != nil else { throw member.header.refusalError(file: path, key: key) }
        // openMember checked that the declared size fits in Int and matches the header.
        let size = Int(member.zip.uncompressedSize)
        guard member.zip.uncompressedSize <= memoryLimit else {
            throw PenvizError.input(
                path, key: key,
                "inflating needs \(size) bytes, more than this machine's \(memoryLimit) bytes of memory; "
                    + "save the run uncompressed (np.savez instead of np.savez_compressed) so penviz can map it")
        }
        let compressed = UnsafeRawBufferPointer(rebasing: storage.bytes[member.dataStart..<(member.dataStart + Int(member.zip.compressedSize))])
        let inflated = try ByteStorage(count: size) { destination in
            do {
                try BoundedInflater.inflate(compressed, into: destination, crc32: member.zip.crc32)
            } catch {
                throw NpzArchive.inflateError(error, declared: size, file: path, key: key)
            }
        }
        let header = try NpyHeader.parse(inflated.bytes, file: path, key: key)
        guard header == member.header else {
            throw PenvizError.input(path, key: key, "member changed while it was read")
        }
        return try header.view(of: inflated, dataStart: header.dataOffset, file: path, key: key)
    }

    /// The error for a zip without `.npy` members, naming what it holds. (A PyTorch
    /// file never gets here: ``openArchive(_:)`` reads it with ``TorchArchive``.)
    private static func noArrays(in names: [String], file: String) -> PenvizError {
        let shown = names.prefix(10).joined(separator: ", ") + (names.count > 10 ? " and \(names.count - 10) more" : "")
        return PenvizError.input(
            file, names.isEmpty
                ? "an empty zip archive: no arrays (an .npz holds one .npy member an array, as numpy.savez writes)"
                : "a zip archive without .npy members (it holds \(shown)), so no arrays: an .npz holds one .npy member an array,"
                    + " as numpy.savez writes")
    }

    /// Locates a member's data, reads its `.npy` header and checks the declared size against it.
    private static func openMember(_ zip: ZipMember, key: String, bytes: UnsafeRawBufferPointer, file: String) throws -> Member {
        func fail(_ problem: String) -> PenvizError { PenvizError.input(file, key: key, problem) }
        guard !zip.isEncrypted else { throw fail("member is encrypted") }
        guard zip.method == 0 || zip.method == 8 else {
            throw fail("compression method \(zip.method) is not supported (np.savez stores, np.savez_compressed deflates)")
        }
        guard let declared = Int(exactly: zip.uncompressedSize) else {
            throw fail("declared size \(zip.uncompressedSize) bytes does not fit in memory addresses")
        }
        if zip.method == 0 && zip.compressedSize != zip.uncompressedSize {
            throw fail("stored member's sizes disagree (\(zip.compressedSize) stored, \(zip.uncompressedSize) declared)")
        }
        let dataStart = try ZipDirectory.dataStart(of: zip, in: bytes, file: file)
        let compressed = UnsafeRawBufferPointer(rebasing: bytes[dataStart..<(dataStart + Int(zip.compressedSize))])
        if zip.method == 8 && declared > BoundedInflater.largestOutput(of: compressed.count) {
            throw fail(
                "zip entry declares \(declared) bytes, more than its \(compressed.count) deflated bytes can hold "
                    + "(deflate expands at most \(BoundedInflater.largestRatio)-fold; zip bomb?)")
        }
        let header: NpyHeader
        if zip.method == 0 {
            header = try NpyHeader.parse(compressed, file: file, key: key)
        } else {
            let preamble = try inflatedPrefix(compressed, count: min(declared, NpyHeader.preambleSize), file: file, key: key)
            let end = try preamble.withUnsafeBytes { try NpyHeader.headerEnd($0, file: file, key: key) }
            let headerBytes = try inflatedPrefix(compressed, count: min(declared, end), file: file, key: key)
            header = try headerBytes.withUnsafeBytes { try NpyHeader.parse($0, file: file, key: key) }
        }
        let available = declared - header.dataOffset
        if let needed = header.dataByteCount, needed != available {
            throw fail("zip entry declares \(available) data bytes but the .npy header describes \(needed)")
        }
        return Member(zip: zip, dataStart: dataStart, header: header)
    }

    /// The first `count` inflated bytes of a deflated member (fewer if the stream is shorter).
    private static func inflatedPrefix(_ compressed: UnsafeRawBufferPointer, count: Int, file: String, key: String) throws -> [UInt8] {
        var prefix = [UInt8](repeating: 0, count: count)
        let written: Int
        do {
            written = try prefix.withUnsafeMutableBytes { try BoundedInflater.inflatePrefix(compressed, into: $0) }
        } catch {
            throw inflateError(error, declared: count, file: file, key: key)
        }
        return Array(prefix.prefix(written))
    }

    /// A cut-off deflate stream can end in any of the ways below (zero padding may even read as an
    /// end of stream), so each says both.
    private static let damaged = " (truncated or corrupt archive?)"

    private static func inflateError(_ error: any Error, declared: Int, file: String, key: String) -> PenvizError {
        let problem: String
        switch error as? BoundedInflater.Problem {
        case .pastDeclaredSize(let size)?:
            problem = "deflated member inflates past its declared size of \(size) bytes (zip bomb?)"
        case .short(let size)?:
            problem = "deflated member inflates to only \(size) bytes but declares \(declared)" + damaged
        case .truncated?:
            problem = "deflate stream runs past the member's compressed data" + damaged
        case .checksumMismatch?:
            problem = "inflated data fails its CRC-32 check" + damaged
        case .corrupt?, nil:
            problem = "deflate stream is invalid" + damaged
        }
        return PenvizError.input(file, key: key, problem)
    }
}
