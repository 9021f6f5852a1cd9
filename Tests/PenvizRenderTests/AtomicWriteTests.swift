import Foundation
import PenvizCore
import Testing
@testable import PenvizRender

/// Figures reach the disk whole or not at all, through PenvizIO's `AtomicFile`.
@Suite struct AtomicWriteTests {
    private func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func writingReplacesTheFileAndLeavesNothingElse() throws {
        let folder = try TestFigures.scratchFolder()
        let path = folder.appendingPathComponent("fig.svg").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try TestFigures.scatter(perClass: 3).write(to: path)
        #expect(try contents(of: folder) == ["fig.svg"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).starts(with: Data("<?xml".utf8)))
    }

    @Test func aFailedRenderingLeavesTheOlderFileIntact() throws {
        let folder = try TestFigures.scratchFolder()
        let path = folder.appendingPathComponent("fig.png").path
        try Data("older figure".utf8).write(to: URL(fileURLWithPath: path))
        var figure = TestFigures.scatter(perClass: 3)
        figure.options.width = 20_000 // 60 000 pixels at scale 3: more than Cairo can draw.
        #expect(throws: PenvizError.self) { try figure.write(to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("older figure".utf8))
        #expect(try contents(of: folder) == ["fig.png"])
    }

    @Test func aFailedRenameRemovesTheTemporaryFile() throws {
        // The target is a folder that is not empty: rename cannot replace it.
        let folder = try TestFigures.scratchFolder()
        let target = folder.appendingPathComponent("fig.pdf")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
        do {
            try TestFigures.scatter(perClass: 3).write(to: target.path)
            Issue.record("writing over a folder succeeded")
        } catch let error as PenvizError {
            #expect(error.kind == .input)
            #expect(error.message.contains(target.path))
        }
        #expect(try contents(of: folder) == ["fig.pdf"])
        #expect(try contents(of: target) == ["inside"])
    }

    @Test func aMissingFolderIsAnInputError() throws {
        let folder = try TestFigures.scratchFolder()
        let path = folder.appendingPathComponent("no/such/fig.png").path
        #expect(throws: PenvizError.self) { try TestFigures.scatter(perClass: 3).write(to: path) }
        #expect(try contents(of: folder).isEmpty)
    }
}
