import Foundation
import PenvizCore
import PenvizIO
import Testing

/// Bad files get one clear error that names the file, the key when there is one, and the problem;
/// nothing crashes, nothing is allocated from a size the file cannot back, nothing is unpickled.
struct MalformedInputTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    /// A header for a 1-d array of `shape` text, in `descr`.
    func header(_ shape: String, descr: String = "<f8") -> String {
        "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shape), }"
    }

    // MARK: .npy

    @Test("truncated .npy data")
    func truncatedNpy() throws {
        let bytes = try Fixtures.bytes("npy/f8_le_c.npy")
        let path = try folder.write(Array(bytes.dropLast(20)), to: "cut.npy")
        expectInputError(path, "key 'cut'", "header describes 96 data bytes but only 76 follow it") { _ = try openArchive(path) }
    }

    @Test(".npy bytes after the described data")
    func trailingBytes() throws {
        let path = try folder.write(try Fixtures.bytes("npy/f8_le_1d.npy") + [1, 2, 3], to: "long.npy")
        expectInputError(path, "3 bytes follow the 40 data bytes") { _ = try openArchive(path) }
    }

    @Test("a header length that claims more bytes than the file has")
    func headerLongerThanFile() throws {
        var bytes = npyBytes(header: header("(2,)"), data: [UInt8](repeating: 0, count: 16))
        bytes[8] = 0x88; bytes[9] = 0x13  // 5000
        let path = try folder.write(bytes, to: "claims.npy")
        expectInputError(path, "header claims 5010 bytes but only \(bytes.count) are there") { _ = try openArchive(path) }
    }

    @Test("a shape whose element count overflows Int is refused before any allocation")
    func shapeOverflow() throws {
        let path = try folder.write(npyBytes(header: header("(4294967296, 4294967296)")), to: "huge.npy")
        expectInputError(path, "shape (4294967296, 4294967296) has more elements than fit in a 64-bit integer") {
            _ = try openArchive(path)
        }
        let bytesPath = try folder.write(npyBytes(header: header("(2305843009213693952,)")), to: "huge_bytes.npy")
        expectInputError(bytesPath, "of 8-byte items needs more bytes than fit") { _ = try openArchive(bytesPath) }
    }

    @Test("a header that claims far more data than the file has")
    func claimsMoreData() throws {
        let path = try folder.write(npyBytes(header: header("(1000000000, 512)", descr: "<f4"), data: [0, 0, 0, 0]), to: "big.npy")
        expectInputError(path, "header describes 2048000000000 data bytes but only 4 follow it") { _ = try openArchive(path) }
    }

    @Test("a negative dimension")
    func negativeDimension() throws {
        let path = try folder.write(npyBytes(header: header("(3, -1)")), to: "negative.npy")
        expectInputError(path, "key 'negative'", "negative dimension -1") { _ = try openArchive(path) }
    }

    @Test("bad magic, and too few bytes for any header")
    func badMagic() throws {
        let path = try folder.write("PK\u{3}\u{4} this is not numpy", to: "zip.npy")
        expectInputError(path, "named .npy, but it starts as a zip archive, and as one: not a zip archive") { _ = try openArchive(path) }
        let text = try folder.write("this is not numpy", to: "text.npy")
        expectInputError(text, "not .npy data", "\\x93NUMPY magic") { _ = try openArchive(text) }
        let empty = try folder.write([], to: "empty.npy")
        expectInputError(empty, "0 bytes are too few for a .npy header") { _ = try openArchive(empty) }
    }

    @Test("an unknown format version")
    func unknownVersion() throws {
        let path = try folder.write(npyBytes(header: header("(1,)"), version: 4), to: "v4.npy")
        expectInputError(path, "unsupported .npy format version 4.0") { _ = try openArchive(path) }
    }

    @Test("a header that is not a dict")
    func headerNotDict() throws {
        let path = try folder.write(npyBytes(header: "[1, 2]"), to: "list.npy")
        expectInputError(path, "header is a list, not a dict") { _ = try openArchive(path) }
        let call = try folder.write(npyBytes(header: "__import__('os').system('touch /tmp/x')"), to: "call.npy")
        expectInputError(call, "header is not a valid dict literal", "'__import__' is not a literal") { _ = try openArchive(call) }
    }

    @Test("an object array is listed but never unpickled")
    func objectArray() throws {
        let marker = "/tmp/penviz-fixture-was-unpickled"  // the pickle would create this file
        try? FileManager.default.removeItem(atPath: marker)
        let path = Fixtures.path("npy/object_pickle.npy")
        let archive = try openArchive(path)
        #expect(archive.entries.map(\.storedType) == ["|O"])
        #expect(archive.entries.map(\.dtype) == [nil])
        expectInputError(path, "key 'object_pickle'", "object arrays ('|O') hold pickles; penviz never unpickles them") {
            _ = try archive.array("object_pickle")
        }
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("a structured dtype")
    func structured() throws {
        let path = Fixtures.path("npy/structured.npy")
        expectInputError(path, "key 'structured'", "structured dtypes") { _ = try openArchive(path).array("structured") }
    }

    // MARK: .safetensors

    @Test("a safetensors header length past the end of the file")
    func safetensorsLengthPastFile() throws {
        let path = try folder.write(safetensorsBytes(json: "{}", data: [], claimedLength: 4096), to: "past.safetensors")
        expectInputError(path, "header length 4096 runs past the end of the file (10 bytes; truncated?)") { _ = try openArchive(path) }
    }

    @Test("a safetensors header length near 2^64")
    func safetensorsHugeLength() throws {
        let path = try folder.write(safetensorsBytes(json: "{}", data: [], claimedLength: UInt64.max - 7), to: "huge.safetensors")
        expectInputError(path, "header length 18446744073709551608 exceeds the format's limit of 100000000 bytes") {
            _ = try openArchive(path)
        }
        let short = try folder.write([1, 2, 3], to: "short.safetensors")
        expectInputError(short, "3 bytes are too few for a safetensors file") { _ = try openArchive(short) }
    }

    @Test("overlapping data offsets")
    func overlappingOffsets() throws {
        let json = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#
        let path = try folder.write(safetensorsBytes(json: json, data: [UInt8](repeating: 0, count: 8)), to: "overlap.safetensors")
        expectInputError(path, "key 'b'", "its data overlaps the data of 'a'") { _ = try openArchive(path) }
    }

    @Test("a gap in data offsets, and bytes after the last tensor")
    func gapInOffsets() throws {
        let json = #"{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},"b":{"dtype":"U8","shape":[2],"data_offsets":[4,6]}}"#
        let path = try folder.write(safetensorsBytes(json: json, data: [UInt8](repeating: 0, count: 6)), to: "gap.safetensors")
        expectInputError(path, "key 'b'", "2 bytes before it belong to no tensor (a gap in data_offsets)") { _ = try openArchive(path) }
        let tail = #"{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}}"#
        let tailPath = try folder.write(safetensorsBytes(json: tail, data: [0, 0, 0]), to: "tail.safetensors")
        expectInputError(tailPath, "the last 1 bytes of the data buffer belong to no tensor") { _ = try openArchive(tailPath) }
    }

    @Test("offsets that disagree with shape × item size, or run past the data")
    func offsetSizes() throws {
        let json = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#
        let path = try folder.write(safetensorsBytes(json: json, data: [0, 0, 0, 0]), to: "size.safetensors")
        expectInputError(path, "key 'a'", "data_offsets span 4 bytes but shape [2] of F32 needs 8") { _ = try openArchive(path) }
        let cut = #"{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}}"#
        let cutPath = try folder.write(safetensorsBytes(json: cut, data: [UInt8](repeating: 0, count: 9)), to: "cut.safetensors")
        expectInputError(cutPath, "key 'a'", "data_offsets end at 16 but the data buffer holds 9 bytes (truncated?)") {
            _ = try openArchive(cutPath)
        }
    }

    @Test("a safetensors header that is not a JSON object, or not JSON")
    func headerNotObject() throws {
        let path = try folder.write(safetensorsBytes(json: "[1, 2]", data: []), to: "list.safetensors")
        expectInputError(path, "header is not a JSON object") { _ = try openArchive(path) }
        let broken = try folder.write(safetensorsBytes(json: "{\"a\": ", data: []), to: "broken.safetensors")
        expectInputError(broken, "header is not valid JSON") { _ = try openArchive(broken) }
        let entry = try folder.write(safetensorsBytes(json: #"{"a":{"dtype":"F32","shape":[1]}}"#, data: []), to: "entry.safetensors")
        expectInputError(entry, "key 'a'", "entry has no 'data_offsets'") { _ = try openArchive(entry) }
    }

    @Test("duplicate keys in a safetensors header")
    func duplicateKeys() throws {
        let json = #"{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}"#
        let path = try folder.write(safetensorsBytes(json: json, data: [7]), to: "dup.safetensors")
        expectInputError(path, "header repeats the key 'a'") { _ = try openArchive(path) }
    }

    @Test("an 8-bit float dtype is refused by name")
    func unsupportedDtype() throws {
        let json = #"{"scale":{"dtype":"F8_E4M3","shape":[1],"data_offsets":[0,1]}}"#
        let path = try folder.write(safetensorsBytes(json: json, data: [7]), to: "fp8.safetensors")
        expectInputError(path, "key 'scale'", "dtype F8_E4M3 is not supported") { _ = try openArchive(path) }
    }

    // MARK: .npz

    @Test("a deflated member that inflates past its declared size (zip bomb)")
    func zipBomb() throws {
        let path = Fixtures.path("npz/bomb.npz")
        let archive = try openArchive(path)  // the header is read from the first bytes
        #expect(archive.entries.map(\.shape) == [[64]])
        expectInputError(path, "key 'bomb'", "deflated member inflates past its declared size of 192 bytes") {
            _ = try archive.array("bomb")
        }
    }

    @Test("a deflated member that inflates to less than its declared size")
    func shortMember() throws {
        let path = Fixtures.path("npz/short.npz")
        expectInputError(path, "key 'short'", "inflates to only 192 bytes but declares 208 (truncated or corrupt archive?)") { _ = try openArchive(path).array("short") }
    }

    @Test("a corrupt deflate stream")
    func corruptStream() throws {
        var bytes = try Fixtures.bytes("npz/deflated.npz")
        for offset in 120..<140 { bytes[offset] ^= 0x5A }  // inside the first member's compressed data
        let path = try folder.write(bytes, to: "corrupt.npz")
        expectInputError(path, "key 'train/features'", "(truncated or corrupt archive?)") {
            let archive = try openArchive(path)
            _ = try archive.array("train/features")
        }
    }

    @Test("a deflate stream that does not end within its compressed bytes")
    func truncatedStream() throws {
        var bytes = try Fixtures.bytes("npz/deflated.npz")
        let directory = Int(bytes[bytes.count - 6]) | Int(bytes[bytes.count - 5]) << 8  // from the end record
        let compressed = Int(bytes[directory + 20]) | Int(bytes[directory + 21]) << 8
        // The first member's compressed size, 8 bytes short: the header inflates, the data does not.
        bytes.replaceSubrange((directory + 20)..<(directory + 24), with: littleEndianBytes(UInt32(compressed - 8)))
        let path = try folder.write(bytes, to: "truncated.npz")
        expectInputError(path, "key 'train/features'", "(truncated or corrupt archive?)") {
            _ = try openArchive(path).array("train/features")
        }
    }

    @Test("member names that leave the archive's folder", arguments: [
        ("evil_path.npz", "member '../evil.npy' has a '..' path component"),
        ("absolute_path.npz", "member '/etc/evil.npy' has an absolute path"),
    ])
    func escapingNames(_ name: String, _ problem: String) {
        let path = Fixtures.path("npz/\(name)")
        expectInputError(path, problem, "penviz refuses such archives") { _ = try openArchive(path) }
    }

    @Test("a .npz that is not a zip, or is cut short")
    func notZip() throws {
        let path = try folder.write("just text, not a zip archive", to: "text.npz")
        expectInputError(path, "not a zip archive (no end-of-central-directory record)") { _ = try openArchive(path) }
        let bytes = try Fixtures.bytes("npz/stored.npz")
        let cut = try folder.write(Array(bytes.prefix(bytes.count / 2)), to: "cut.npz")
        expectInputError(cut, "not a zip archive") { _ = try openArchive(cut) }
    }

    @Test("a member whose .npy header disagrees with the zip entry's size")
    func memberSizeDisagrees() throws {
        let npy = npyBytes(header: header("(10,)"), data: [UInt8](repeating: 0, count: 16))
        let path = try folder.write(ZipBytes.stored([("x.npy", npy)]), to: "disagree.npz")
        expectInputError(path, "key 'x'", "zip entry declares 16 data bytes but the .npy header describes 80") { _ = try openArchive(path) }
    }

    @Test("a member whose local header was cut off")
    func memberPastEnd() throws {
        var bytes = ZipBytes.stored([("x.npy", npyBytes(header: header("(1,)"), data: [UInt8](repeating: 0, count: 8)))])
        let directory = Int(bytes[bytes.count - 6]) | Int(bytes[bytes.count - 5]) << 8  // from the end record
        bytes[directory + 43] = 0xFF  // the member's local-header offset now points past the end
        let path = try folder.write(bytes, to: "offset.npz")
        expectInputError(path, "local file header is missing or cut off (member 'x.npy')") { _ = try openArchive(path) }
    }

    // MARK: CSV

    @Test("a ragged CSV row")
    func raggedCSV() throws {
        let path = try folder.write("a,b,c\n1,2,3\n4,5\n", to: "ragged.csv")
        expectInputError(path, "key 'ragged'", "row 3 has 2 fields but the first row has 3") { _ = try openArchive(path) }
    }

    @Test("a non-numeric CSV field")
    func nonNumericCSV() throws {
        let path = try folder.write("1\t2\n3\tx\n", to: "words.tsv")
        expectInputError(path, "key 'words'", "row 2, column 2: 'x' is not a number") { _ = try openArchive(path) }
        let empty = try folder.write("\n\n", to: "blank.csv")
        expectInputError(empty, "holds no rows of numbers") { _ = try openArchive(empty) }
    }
}
