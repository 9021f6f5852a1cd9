import Foundation
import PenvizCore
@testable import PenvizIO
import Testing

/// Inputs that once crashed penviz, hung it or made it allocate what a header merely
/// claimed, found by the fuzz targets in `fuzz/` and by reading the readers with a
/// hostile eye. Each test names the input and what penviz must do instead.
struct RegressionTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    @Test("a '<U' item too long for its byte size to fit in Int is refused, not a trap")
    func unicodeItemSizeOverflow() throws {
        // 4 × 2^61 overflows Int: computing the item size used to trap before any check.
        for length in ["2305843009213693952", "9223372036854775807"] {
            let header = "{'descr': '<U\(length)', 'fortran_order': False, 'shape': (1,), }"
            let path = try folder.write(npyBytes(header: header), to: "u\(length.count).npy")
            let archive = try openArchive(path)
            #expect(archive.entries.map(\.dtype) == [nil])
            expectInputError(path, "UTF-32 code units, more bytes than fit in a 64-bit integer") {
                _ = try archive.array("u\(length.count)")
            }
        }
    }

    @Test("a header dict with 100,000 distinct keys is refused in linear time")
    func manyHeaderKeys() throws {
        // Under the 1 MiB header limit. Checking each key against all earlier ones took minutes.
        let keys = (0..<100_000).map { "'\(String($0, radix: 16))':0," }.joined()
        let path = try folder.write(npyBytes(header: "{\(keys)}", version: 2), to: "keys.npy")
        let started = ContinuousClock.now
        expectInputError(path, "header has no 'descr'") { _ = try openArchive(path) }
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test("an empty array with huge extents reads as empty instead of overflowing its strides")
    func emptyArrayHugeExtents() throws {
        let header = "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 4294967296, 4294967296), }"
        let npy = try folder.write(npyBytes(header: header), to: "empty.npy")
        let array = try openArchive(npy).array("empty")
        #expect(array.count == 0 && array.doubles().isEmpty)

        let json = #"{"empty":{"dtype":"F32","shape":[0,4294967296,4294967296],"data_offsets":[0,0]}}"#
        let safetensors = try folder.write(safetensorsBytes(json: json, data: []), to: "empty.safetensors")
        #expect(try openArchive(safetensors).array("empty").count == 0)
    }

    @Test("a deflated member declaring more than its data can inflate to is refused before allocating")
    func declaredSizeBeyondDeflateRatio() throws {
        // The header of a 4 GB array, then nothing: a stored deflate block that does not end the stream.
        let npy = npyBytes(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (500000000,), }")
        let stream = [0x00] + littleEndianBytes(UInt16(npy.count)) + littleEndianBytes(~UInt16(npy.count)) + npy
        let declared = UInt32(npy.count + 4_000_000_000)
        let path = try folder.write(deflated(ZipBytes.stored([("big.npy", stream)]), declaring: declared), to: "big.npz")
        // It used to open (the header agrees with the size) and then allocate 4 GB to inflate into.
        expectInputError(path, "key 'big'", "zip entry declares \(declared) bytes, more than its \(stream.count) deflated bytes can hold") {
            _ = try openArchive(path)
        }
    }

    @Test("a FIFO named like an array file is refused instead of waited on")
    func fifo() throws {
        let path = folder.file("labels.npy")
        #expect(mkfifo(path, 0o600) == 0)
        // Opening it for reading used to block until some process opened it for writing.
        expectInputError(path, "is not a regular file") { _ = try openArchive(path) }
        expectInputError(path, "is not a regular file") { _ = try ClassNamesFile.read(path) }
    }

    @Test("a device as the class-names file is refused instead of read without end")
    func deviceClassNames() {
        expectInputError("/dev/zero", "is not a regular file") { _ = try ClassNamesFile.read("/dev/zero") }
    }

    @Test("a quoted CSV field with line breaks is quoted on one line, and a long one cut short")
    func csvFieldInError() throws {
        // The field used to be quoted raw: its line breaks split the error over several lines.
        let path = try folder.write("1,2\n3,\"4\n5,6\n", to: "quoted.csv")
        expectInputError(path, #"row 2, column 2: '4\n5,6\n' is not a number"#) { _ = try openArchive(path) }
        let long = try folder.write("1\n" + String(repeating: "x", count: 100_000) + "\n", to: "long.csv")
        expectInputError(long, "row 2, column 1: '\(String(repeating: "x", count: 40))…' is not a number") { _ = try openArchive(long) }
    }

    @Test("members that share bytes are refused (the overlapping zip bomb)")
    func overlappingMembers() throws {
        // b.npy's local header and data lie inside a.npy's data, so reading both reads b twice.
        // With deflated members that reuse one stream, a small file could inflate many times over.
        let inner = npyBytes(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", data: [UInt8](repeating: 0, count: 8))
        let b = ZipBytes.stored([("b.npy", inner)])
        let bLocal = Array(b.prefix(30 + 5 + inner.count))
        let aHeader = npyBytes(header: "{'descr': '|u1', 'fortran_order': False, 'shape': (\(bLocal.count),), }")
        let a = ZipBytes.stored([("a.npy", aHeader + bLocal)])
        let aLocalCount = 30 + 5 + aHeader.count + bLocal.count
        var bEntry = Array(b[bLocal.count..<(bLocal.count + 46 + 5)])
        bEntry.replaceSubrange(42..<46, with: littleEndianBytes(UInt32(30 + 5 + aHeader.count)))
        let directory = Array(a[aLocalCount..<(aLocalCount + 46 + 5)]) + bEntry
        let end = littleEndianBytes(UInt32(0x0605_4b50)) + [0, 0, 0, 0] + littleEndianBytes(UInt16(2)) + littleEndianBytes(UInt16(2))
            + littleEndianBytes(UInt32(directory.count)) + littleEndianBytes(UInt32(aLocalCount)) + [0, 0]
        let path = try folder.write(Array(a.prefix(aLocalCount)) + directory + end, to: "overlap.npz")
        expectInputError(path, "members 'a.npy' and 'b.npy' share bytes; penviz refuses overlapping members") {
            _ = try openArchive(path)
        }
    }

    /// Marks the only member of a one-member stored zip as deflated, declaring `size` inflated bytes.
    private func deflated(_ zip: [UInt8], declaring size: UInt32) -> [UInt8] {
        var bytes = zip
        let directory = Int(bytes[bytes.count - 6]) | Int(bytes[bytes.count - 5]) << 8  // from the end record
        for (method, uncompressed) in [(8, 22), (directory + 10, directory + 24)] {
            bytes.replaceSubrange(method..<(method + 2), with: littleEndianBytes(UInt16(8)))
            bytes.replaceSubrange(uncompressed..<(uncompressed + 4), with: littleEndianBytes(size))
        }
        return bytes
    }
}
