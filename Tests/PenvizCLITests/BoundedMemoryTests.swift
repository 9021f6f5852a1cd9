import Foundation
import Testing

/// Sizes a file merely claims are never allocated: penviz's peak memory on a tiny file
/// that claims 400 MB stays near its peak on a tiny honest file, and a file larger than
/// this machine's memory is listed without being read.
@Suite("Bounded memory")
struct BoundedMemoryTests {
    /// A claim of 400 MB: far above penviz's own footprint, so allocating it would show.
    static let claimedBytes = 400_000_000

    /// One tiny file that claims `claimedBytes`, and the command that reads it.
    struct Claim: CustomStringConvertible, Sendable {
        let description: String
        let file: String
        let bytes: @Sendable () -> Data
    }

    static let claims: [Claim] = [
        Claim(description: ".npy header", file: "claims.npy") {
            NpyBytes.file(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (\(claimedBytes / 8),), }", data: Data(count: 16))
        },
        Claim(description: ".npy header of 10^12 items", file: "trillion.npy") {
            NpyBytes.file(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }", data: Data(count: 16))
        },
        Claim(description: "safetensors offsets", file: "claims.safetensors") {
            SafetensorsBytes.file(json: #"{"w":{"dtype":"F64","shape":[\#(claimedBytes / 8)],"data_offsets":[0,\#(claimedBytes)]}}"#, data: Data(count: 16))
        },
        Claim(description: "deflated .npz member size", file: "claims.npz") {
            let header = NpyBytes.file(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (\(claimedBytes / 8),), }", data: Data())
            var member = ZipMemberBytes("w.npy", DeflateBytes.storedBlock(header, final: false))
            member.method = 8
            member.declaredSize = UInt32(header.count + claimedBytes)
            return ZipFileBytes.archive([member])
        },
        Claim(description: "zip bomb (10 MB past a declared 176 bytes)", file: "bomb.npz") {
            let npy = NpyBytes.float64([0, 0, 2, 0, 0, 2], shape: [3, 2])
            var member = ZipMemberBytes("w.npy", DeflateBytes.storedBlock(npy, final: false) + DeflateBytes.repeatingBlock(40_000))
            member.method = 8
            member.declaredSize = UInt32(npy.count)
            return ZipFileBytes.archive([member])
        },
    ]

    /// Peak memory of `penviz inspect` on a small honest file, in kilobytes.
    static func baselineKilobytes(in folder: RunFolder) throws -> Int {
        let child = try ChildProcess(["inspect", folder.run.appendingPathComponent("weight.npy").path])
        let ending = child.wait()
        #expect(ending.status == 0)
        return ending.peakKilobytes
    }

    @Test("a tiny file's claims are refused without allocating them", arguments: claims)
    func refusesClaims(_ claim: Claim) throws {
        let folder = try RunFolder()
        defer { folder.cleanUp() }
        let baseline = try Self.baselineKilobytes(in: folder)
        let path = folder.path(claim.file)
        FileManager.default.createFile(atPath: path, contents: claim.bytes())
        // inspect reads headers only; the archive's own reader (via a run) reads the data too.
        let command = claim.file.hasSuffix(".npz")
            ? ["project", path, "--classes", "0,1,2", "--weight-key", "w", "--out", folder.path("out.csv")]
            : ["inspect", path]
        let ending = try ChildProcess(command).wait()
        #expect(ending.status == 1, "\(ending)")
        #expect(ending.peakKilobytes < baseline + 64 * 1024, "peak \(ending.peakKilobytes) kB, baseline \(baseline) kB")
    }

    @Test("a sparse 64 GiB .npy, larger than this machine's memory, is listed from its header")
    func largerThanMemory() throws {
        let folder = try RunFolder()
        defer { folder.cleanUp() }
        let size: Int64 = 64 << 30
        let header = NpyBytes.file(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (\((size - 128) / 8),), }", data: Data())
        #expect(header.count == 128)
        let path = folder.path("huge.npy")
        FileManager.default.createFile(atPath: path, contents: header)
        #expect(truncate(path, off_t(size)) == 0)  // a hole: no disk space is used
        #expect(Int64(ProcessInfo.processInfo.physicalMemory) < size)

        let baseline = try Self.baselineKilobytes(in: folder)
        let ending = try ChildProcess(["inspect", path]).wait()
        #expect(ending.status == 0, "\(ending)")
        #expect(ending.peakKilobytes < baseline + 64 * 1024, "peak \(ending.peakKilobytes) kB, baseline \(baseline) kB")
    }

    @Test func aSparseFileOfTenBillionRowsIsRefusedBeforeItsLabelsAreRead() throws {
        // Holes, not data: 80 GB of features and 10 GB of uint8 labels that take no disk. At 40 bytes a
        // row in memory they would need 400 GB, more than half of any machine this runs on.
        let run = try RunFolder()
        defer { run.cleanUp() }
        for (key, descr, shape, bytes) in [("val_features", "<f4", "(10000000000, 2)", 80_000_000_000), ("val_labels", "|u1", "(10000000000,)", 10_000_000_000)] {
            run.write(key, NpyBytes.file(header: "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shape), }", data: Data()))
            let handle = try FileHandle(forWritingTo: run.run.appendingPathComponent("\(key).npy"))
            try handle.truncate(atOffset: try handle.seekToEnd() + UInt64(bytes))
            try handle.close()
        }
        let result = try PenvizProcess.run(["plot", run.run.path, "--classes", "cat,dog,owl", "--out", run.path("f.png")])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("key 'val_features': 10000000000 rows need about 400.0 GB of memory"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: run.path("f.png")))
    }
}
