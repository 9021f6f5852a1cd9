import Foundation
import PenvizCore
import PenvizIO
import Testing

/// Files are written whole or not at all.
struct AtomicFileTests {
    struct Interrupted: Error {}

    @Test("a new file gets its content and the umask's permissions, not mkstemp's 0600")
    func writesNewFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("out.csv")
        try AtomicFile.write(Data("x\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "x\n")
        #expect(try folder.listing() == ["out.csv"])
        let mask = umask(0o022)
        umask(mask)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int
        #expect(mode == 0o666 & ~Int(mask))
    }

    @Test("an existing file is replaced and keeps its permissions")
    func replaces() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("old", to: "out.csv")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try AtomicFile.write(Data("new".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int == 0o640)
        #expect(try folder.listing() == ["out.csv"])
    }

    @Test("a failure while producing leaves the older file untouched and no temporary file")
    func failureKeepsOlderFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("older result", to: "fig.png")
        var temporary = ""
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: path) { temporaryPath in
                temporary = temporaryPath
                try Data("half a fi".utf8).write(to: URL(fileURLWithPath: temporaryPath))
                throw Interrupted()
            }
        }
        #expect((temporary as NSString).deletingLastPathComponent == folder.path)
        #expect((temporary as NSString).lastPathComponent.hasPrefix(".fig.png."))
        #expect(temporary.hasSuffix(".tmp"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "older result")
        #expect(try folder.listing() == ["fig.png"])
    }

    @Test("a failure with no older file leaves nothing behind")
    func failureLeavesNothing() throws {
        let folder = try TemporaryFolder()
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: folder.file("coords.json")) { _ in throw Interrupted() }
        }
        #expect(try folder.listing().isEmpty)
    }

    @Test("missing folders are made; a failed write removes those it made; a file in the way is an error naming it")
    func missingFolder() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("no/such/folder/out.npy")
        try AtomicFile.write(Data("x".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("x".utf8))
        #expect(throws: Interrupted.self) {
            try AtomicFile.write(to: folder.file("other/deeper/coords.json")) { _ in throw Interrupted() }
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("other")))
        let blocked = folder.file("no/such/folder/out.npy/inner.npy")
        expectInputError(blocked, "cannot create a file in", "Not a directory") {
            try AtomicFile.write(Data("x".utf8), to: blocked)
        }
    }

    @Test("a target that is a folder is an error, and the folder stays")
    func targetIsFolder() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("out.csv"), withIntermediateDirectories: false)
        expectInputError(folder.file("out.csv"), "cannot replace the file") {
            try AtomicFile.write(Data("x".utf8), to: folder.file("out.csv"))
        }
        #expect(try folder.listing() == ["out.csv"])
    }
}
