import Foundation
import Testing

/// A stored `.npz` member whose bytes no longer match the CRC-32 the archive
/// records is refused, naming the member, whether penviz reads it whole (a small
/// member, checked when opened) or streams it (a large one, checked as read).
@Suite("Damaged archives")
struct DamagedArchiveTests {
    /// The default run as a stored `.npz`, its features `rows`×`columns` of 0.5,
    /// with the byte at `damage` (an offset into the features' data) changed after
    /// the CRC-32 was taken.
    func archive(rows: Int, columns: Int, damage: Int?, in folder: RunFolder) -> String {
        let weight = (0..<(3 * columns)).map { Double(($0 * 7) % 5) - 2 }
        var features = NpyBytes.float64(Array(repeating: 0.5, count: rows * columns), shape: [rows, columns])
        var members = [
            ZipMemberBytes("weight.npy", NpyBytes.float64(weight, shape: [3, columns])),
            ZipMemberBytes("bias.npy", NpyBytes.float64([0, 0, 2], shape: [3])),
            ZipMemberBytes("val_labels.npy", NpyBytes.int64((0..<rows).map { $0 % 3 }, shape: [rows])),
        ]
        var member = ZipMemberBytes("val_features.npy", features)
        if let damage {
            let dataStart = features.count - rows * columns * 8
            features[dataStart + damage] ^= 0x40
            member.crc32 = ZipFileBytes.crc32(member.content)
            member.content = features
        }
        members.append(member)
        let path = folder.path("run.npz")
        FileManager.default.createFile(atPath: path, contents: ZipFileBytes.archive(members))
        return path
    }

    @Test func aDamagedSmallMemberIsRefusedWhenOpened() throws {
        let folder = try RunFolder()
        defer { folder.cleanUp() }
        let run = archive(rows: 40, columns: 2, damage: 37, in: folder)
        let result = try PenvizProcess.run(["plot", run, "--classes", "0,1,2", "--out", folder.path("f.png")])
        #expect(result.status == 1)
        #expect(result.stderrLines == ["error: \(run): key 'val_features': the stored member's bytes fail their CRC-32 check (the file is damaged; NumPy would say 'Bad CRC-32')"])
        #expect(!FileManager.default.fileExists(atPath: folder.path("f.png")))
        let intact = archive(rows: 40, columns: 2, damage: nil, in: folder)
        #expect(try PenvizProcess.run(["plot", intact, "--classes", "0,1,2", "--out", folder.path("f.png")]).status == 0)
    }

    @Test(arguments: ["compare", "project"])
    func aDamagedLargeMemberIsRefusedOnceRead(command: String) throws {
        // 8,500 rows of 256 float64 values: 17.4 MB, past the 16 MiB checked at opening.
        // The damage is in row 8,000, which project's three classes and compare both read.
        let folder = try RunFolder()
        defer { folder.cleanUp() }
        let run = archive(rows: 8_500, columns: 256, damage: 8_000 * 256 * 8 + 5, in: folder)
        let arguments = command == "compare"
            ? ["compare", run, run, "--classes", "0,1,2", "--out", folder.path("f.svg")]
            : ["project", run, "--classes", "0,1,2", "--out", folder.path("p.npy")]
        let result = try PenvizProcess.run(arguments)
        #expect(result.status == 1)
        #expect(result.stderrLines.last == "error: \(run): key 'val_features': the stored member's bytes fail their CRC-32 check (the file is damaged; NumPy would say 'Bad CRC-32')",
                "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.directory.path).sorted() == ["run", "run.npz"])
    }
}
