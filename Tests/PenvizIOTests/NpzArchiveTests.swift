import Foundation
import PenvizCore
@testable import PenvizIO
import Testing

/// `.npz` archives written by `np.savez` (stored), `np.savez_compressed` (deflated) and with zip64 records.
struct NpzArchiveTests {
    static let archives = ["npz/stored.npz", "npz/deflated.npz", "npz/zip64.npz"]

    @Test("every member is listed with its key, type and shape", arguments: archives)
    func lists(_ file: String) throws {
        let archive = try NpzArchive(path: Fixtures.path(file))
        #expect(archive.entries == [
            ArrayEntry(key: "train/features", storedType: "<f4", dtype: .float32, shape: [3, 4], byteCount: 48),
            ArrayEntry(key: "train/labels", storedType: "<i8", dtype: .int64, shape: [5], byteCount: 40),
            ArrayEntry(key: "weight", storedType: ">f8", dtype: .float64, shape: [3, 4], byteCount: 96),
            ArrayEntry(key: "class_names", storedType: "<U10", dtype: .unicode(length: 10), shape: [5], byteCount: 200),
            ArrayEntry(key: "label_smoothing", storedType: "<f8", dtype: .float64, shape: [], byteCount: 8),
            ArrayEntry(key: "flag", storedType: "|b1", dtype: .bool, shape: [5], byteCount: 5),
        ])
    }

    @Test("every member reads the formula's values", arguments: archives)
    func reads(_ file: String) throws {
        let archive = try NpzArchive(path: Fixtures.path(file))
        #expect(try archive.array("train/features").doubles() == Formula.values("f4", shape: [3, 4]))
        #expect(try archive.array("train/labels").doubles() == Formula.values("i8", shape: [5]))
        let weight = try archive.array("weight")
        #expect(weight.isFortranOrder && weight.byteOrder == .big)
        #expect(weight.doubles() == Formula.values("f8", shape: [3, 4]))
        #expect(try archive.array("class_names").strings() == fixtureClassNames)
        #expect(try archive.array("label_smoothing").doubles() == [0.1])
        #expect(try archive.array("flag").doubles() == Formula.values("b1", shape: [5]))
    }

    @Test("a stored member is read in place from the mapped archive")
    func storedIsMapped() throws {
        let path = Fixtures.path("npz/stored.npz")
        let archive = try NpzArchive(path: path)
        let features = try archive.array("train/features")
        let labels = try archive.array("train/labels")
        // Each member's storage is its whole .npy file, in place in the archive's mapping:
        // the two members lie in one mapping, at their places in the file.
        let fileBytes = try Fixtures.bytes("npz/stored.npz")
        let members = [features, labels].map { Array(UnsafeRawBufferPointer(start: $0.storage.base, count: $0.storage.count)) }
        let places = members.map { member in
            (0...(fileBytes.count - member.count)).first { Array(fileBytes[$0..<($0 + member.count)]) == member }
        }
        #expect(members.allSatisfy { $0.starts(with: [0x93] + Array("NUMPY".utf8)) })
        let (first, second) = (try #require(places[0]), try #require(places[1]))
        #expect(labels.storage.base - features.storage.base == second - first)
        // The array's bytes are the member's data, after its header.
        #expect(Array(fileBytes[(first + features.offset)..<(first + features.offset + 48)])
            == Array(UnsafeRawBufferPointer(start: features.storage.base + features.offset, count: 48)))
    }

    @Test("a deflated member is inflated into exactly its declared size")
    func deflatedIsInflated() throws {
        let archive = try NpzArchive(path: Fixtures.path("npz/deflated.npz"))
        let features = try archive.array("train/features")
        #expect(features.storage.count == 128 + 48)  // the member: header (padded to 64s) plus data
        #expect(features.offset == 128)
    }

    @Test("a deflated member whose CRC-32 in the central directory is off by one bit is refused")
    func deflatedChecksum() throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("npz/deflated.npz"))))
        // The central directory entry (signature PK\u{1}\u{2}) of train/features.npy holds its CRC at +16.
        let name = Array("train/features.npy".utf8)
        let entry = try #require(bytes.indices.dropLast(46 + name.count).first { start in
            bytes[start..<(start + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02])
                && bytes[(start + 46)..<(start + 46 + name.count)].elementsEqual(name)
        })
        bytes[entry + 16] ^= 0x01
        let folder = try TemporaryFolder()
        let path = try folder.write(bytes, to: "flipped.npz")
        let archive = try NpzArchive(path: path)
        #expect(try archive.array("train/labels").doubles() == Formula.values("i8", shape: [5]))
        expectInputError(path, "train/features", "CRC-32") { _ = try archive.array("train/features") }
    }

    @Test("a deflated member larger than memory is refused with a hint; stored members are only mapped")
    func memoryLimit() throws {
        let deflated = Fixtures.path("npz/deflated.npz")
        // train/features inflates to 128 + 48 = 176 bytes, label_smoothing to 128 + 8 = 136.
        let small = try NpzArchive(path: deflated, memoryLimit: 150)
        expectInputError(deflated, "train/features", "more than this machine's 150 bytes", "np.savez instead of np.savez_compressed") {
            _ = try small.array("train/features")
        }
        #expect(try small.array("label_smoothing").doubles() == [0.1])
        let stored = try NpzArchive(path: Fixtures.path("npz/stored.npz"), memoryLimit: 100)
        #expect(try stored.array("train/features").shape == [3, 4])
    }

    @Test("a key that is not there is an error listing the keys that are")
    func missingKey() throws {
        let path = Fixtures.path("npz/stored.npz")
        let archive = try NpzArchive(path: path)
        expectInputError(path, "'val/features'", "no such array", "train/features, train/labels") {
            _ = try archive.array("val/features")
        }
    }

    @Test("members that are not .npy files are ignored; folders inside are fine")
    func ignoresOtherMembers() throws {
        let folder = try TemporaryFolder()
        let npy = npyBytes(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", data: littleEndianBytes(UInt64(2.5.bitPattern)))
        let path = try folder.write(ZipBytes.stored([("README.txt", Array("hello".utf8)), ("a/", []), ("a/b.npy", npy)]), to: "x.npz")
        let archive = try NpzArchive(path: path)
        #expect(archive.entries.map(\.key) == ["a/b"])
        #expect(try archive.array("a/b").doubles() == [2.5])
    }
}
