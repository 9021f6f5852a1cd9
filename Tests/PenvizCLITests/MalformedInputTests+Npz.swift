import Foundation
import Testing

/// Broken and hostile `.npz` runs.
extension MalformedInputTests {
    /// The default run's `.npy` files as stored zip members, in name order.
    static func members(of run: RunFolder) throws -> [ZipMemberBytes] {
        try FileManager.default.contentsOfDirectory(atPath: run.run.path).sorted().map { name in
            ZipMemberBytes(name, try Data(contentsOf: run.run.appendingPathComponent(name)))
        }
    }

    /// The default run as a stored `.npz`, after `change` to its members.
    static func npz(_ run: RunFolder, _ change: (inout [ZipMemberBytes]) -> Void = { _ in }) throws -> Data {
        var list = try members(of: run)
        change(&list)
        return ZipFileBytes.archive(list)
    }

    /// Changes the member named `name`.
    static func edit(_ list: inout [ZipMemberBytes], _ name: String, _ change: (inout ZipMemberBytes) -> Void) {
        change(&list[list.firstIndex { $0.name == Array(name.utf8) }!])
    }

    /// A deflated `weight.npy` whose stream holds the real member and then 40,000 × 258 more
    /// bytes (about 10 MB from 65 kB), while the entry declares the real member's size.
    static func bomb(_ member: inout ZipMemberBytes) {
        member.declaredSize = UInt32(member.content.count)
        member.content = DeflateBytes.storedBlock(member.content, final: false) + DeflateBytes.repeatingBlock(40_000)
        member.method = 8
    }

    @Test("a member name with a line break still gives one error line")
    func lineBreakInMemberName() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let path = run.path("run.npz")
        FileManager.default.createFile(atPath: path, contents: try Self.npz(run) {
            Self.edit(&$0, "weight.npy") { $0.name = Array("weight\n/../weight.npy".utf8) }
        })
        let result = try PenvizProcess.run(["inspect", path])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(#"weight\n/../weight.npy"#))
    }

    static let npzCases: [Case] = [
        .runFile("a .npz that is not a zip", pathExtension: "npz", mustSay: ["not a zip archive (no end-of-central-directory record)"]) { _ in
            Data("weight,bias\n0,0\n".utf8)
        },
        .runFile("a .npz cut in half", pathExtension: "npz", mustSay: ["not a zip archive"]) { run in
            let whole = try npz(run)
            return whole.prefix(whole.count / 2)
        },
        .runFile("a central directory past the end", pathExtension: "npz", mustSay: ["central directory lies outside the file (truncated archive?)"]) { run in
            var bytes = try npz(run)
            bytes[bytes.count - 5] = 0x7F  // the high byte of the directory offset in the end record
            return bytes
        },
        .runFile("a member count the directory cannot hold", pathExtension: "npz", mustSay: ["central directory claims 65535 members"]) { run in
            ZipFileBytes.archive(try members(of: run), claimedCount: 65535)
        },
        .runFile("a member named ../weight.npy", pathExtension: "npz", mustSay: ["member '../weight.npy' has a '..' path component"]) { run in
            try npz(run) { edit(&$0, "weight.npy") { $0.name = Array("../weight.npy".utf8) } }
        },
        .runFile("a member with an absolute path", pathExtension: "npz", mustSay: ["member '/tmp/weight.npy' has an absolute path"]) { run in
            try npz(run) { edit(&$0, "weight.npy") { $0.name = Array("/tmp/weight.npy".utf8) } }
        },
        .runFile("a member name that is not UTF-8", pathExtension: "npz", mustSay: ["a member name is not valid UTF-8"]) { run in
            try npz(run) { edit(&$0, "bias.npy") { $0.name = [0xFF, 0xFE] + Array(".npy".utf8) } }
        },
        .runFile("two members with one name", pathExtension: "npz", mustSay: ["the archive holds two members named 'weight.npy'"]) { run in
            try npz(run) { $0.append(ZipMemberBytes("weight.npy", weight)) }
        },
        .runFile("an encrypted member", pathExtension: "npz", mustSay: ["key 'bias'", "member is encrypted"]) { run in
            try npz(run) { edit(&$0, "bias.npy") { $0.flags = 1 } }
        },
        .runFile("a bzip2 member", pathExtension: "npz", mustSay: ["key 'bias'", "compression method 12 is not supported"]) { run in
            try npz(run) { edit(&$0, "bias.npy") { $0.method = 12 } }
        },
        .runFile("a stored member whose sizes disagree", pathExtension: "npz", mustSay: ["key 'bias'", "stored member's sizes disagree"]) { run in
            try npz(run) { edit(&$0, "bias.npy") { $0.declaredSize = 4096 } }
        },
        .runFile("a member whose header describes more data than it has", pathExtension: "npz", mustSay: ["key 'bias'", "zip entry declares 24 data bytes but the .npy header describes 80"]) { run in
            try npz(run) {
                edit(&$0, "bias.npy") { $0.content = NpyBytes.file(header: header(shape: "(10,)"), data: Data(count: 24)) }
            }
        },
        .runFile("a zip bomb", pathExtension: "npz", mustSay: ["key 'weight'", "deflated member inflates past its declared size of 176 bytes (zip bomb?)"]) { run in
            try npz(run) { edit(&$0, "weight.npy", bomb) }
        },
        .runFile("a declared size its deflated bytes cannot reach", pathExtension: "npz", mustSay: ["key 'weight'", "deflate expands at most 1032-fold"]) { run in
            try npz(run) {
                edit(&$0, "weight.npy") { member in
                    member.content = NpyBytes.file(header: header(shape: "(500000000,)"), data: Data())
                    member.declaredSize = UInt32(member.content.count + 4_000_000_000)
                    member.content = DeflateBytes.storedBlock(member.content, final: false)
                    member.method = 8
                }
            }
        },
        .runFile("a .npz run without a weight", pathExtension: "npz", mustSay: ["no final-layer weight found"]) { run in
            try npz(run) { $0.removeAll { $0.name == Array("weight.npy".utf8) } }
        },
        .runFile("a NaN feature in a .npz run", pathExtension: "npz", mustSay: ["key 'val_features'", "row 3 holds a non-finite value"]) { run in
            try npz(run) {
                edit(&$0, "val_features.npy") { $0.content = NpyBytes.float64([1, 1, 2, 0, 0, 0, 5, .nan], shape: [4, 2]) }
            }
        },
    ]
}
