import Foundation
import PenvizTestSupport
import Testing
@testable import PenvizCore
@testable import PenvizIO

/// The CRC-32 check of a stored `.npz` member, pieced together from the ranges a
/// pass released, in any order, with what no pass read filled in.
struct StoredMemberCheckTests {
    /// 10,000 bytes of a fixed pattern and a check of them against `expected` (their own CRC by default).
    func check(_ bytes: [UInt8], expected: UInt32? = nil) -> (StoredMemberCheck, UnsafeMutableRawBufferPointer) {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        memory.copyBytes(from: bytes)
        let check = StoredMemberCheck(
            file: "run.npz", key: "val_features", bytes: UnsafeRawBufferPointer(memory),
            expected: expected ?? ZipBytes.crc32(bytes), archivePaging: nil, offsetInArchive: 0)
        return (check, memory)
    }

    static let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }

    @Test(arguments: [
        [],  // nothing released: the whole member is read at verification
        [0..<10_000],
        [4_000..<7_000, 100..<4_000, 7_000..<9_999],  // out of order, a gap at each end
        [100..<4_000, 100..<2_000, 2_000..<6_000, 5_000..<8_000],  // overlaps and repeats
    ] as [[Range<Int>]])
    func aWholeMemberPassesHoweverItWasRead(released: [Range<Int>]) throws {
        let (check, memory) = check(Self.bytes)
        defer { memory.deallocate() }
        for range in released { check.release(range) }
        try check.verify()
    }

    @Test(arguments: [17, 3_999, 4_000, 9_999])
    func aDamagedByteFailsTheCheckWhereverItIs(position: Int) throws {
        // The CRC recorded is that of the original bytes; one byte changed after saving.
        var damaged = Self.bytes
        damaged[position] ^= 0x20
        let (check, memory) = check(damaged, expected: ZipBytes.crc32(Self.bytes))
        defer { memory.deallocate() }
        for range in [4_000..<7_000, 100..<4_000] { check.release(range) }
        #expect {
            try check.verify()
        } throws: { error in
            (error as? PenvizError)?.message
                == "run.npz: key 'val_features': the stored member's bytes fail their CRC-32 check (the file is damaged; NumPy would say 'Bad CRC-32')"
        }
    }

    @Test func releasesGoOnToTheArchivesPaging() throws {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: 100, alignment: 16)
        defer { memory.deallocate() }
        memory.initializeMemory(as: UInt8.self, repeating: 1)
        let archive = RecordingPaging()
        let check = StoredMemberCheck(
            file: "a.npz", key: "k", bytes: UnsafeRawBufferPointer(memory), expected: 0, archivePaging: archive, offsetInArchive: 640)
        check.release(10..<50)
        #expect(archive.ranges == [650..<690])
    }
}
