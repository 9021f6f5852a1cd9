import Foundation
import PenvizCore
import Testing
import PenvizRender
import PenvizReport

/// Figures reach the disk whole or not at all, through PenvizIO's `AtomicFile`.
@Suite struct FigureWriteTests {
    /// Three points of three classes on one panel.
    private func figure() -> Figure {
        let classes = ClassStyle.slots(["a", "b", "c"])
        let panel = Panel.templatePlane(
            title: "run · val", classes: classes, points: Scatter(x: [-1, 1, 0], y: [0, 0, 1], classIndex: [0, 1, 2]),
            templates: [Point(x: -2, y: -1), Point(x: 2, y: -1), Point(x: 0, y: 2)])
        return Figure(rows: [.init(panels: [panel], legend: Legend(classes: classes))], options: FigureOptions(width: 300, height: 300))
    }

    private func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("penviz-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func writingReplacesTheFileAndLeavesNothingElse() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("fig.svg").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try figure().write(to: path)
        #expect(try contents(of: folder) == ["fig.svg"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).starts(with: Data("<?xml".utf8)))
    }

    @Test func aFailedRenderingLeavesTheOlderFileIntact() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("fig.png").path
        try Data("older figure".utf8).write(to: URL(fileURLWithPath: path))
        var figure = self.figure()
        figure.options.width = 20_000 // 60 000 pixels at scale 3: more than Cairo can draw.
        #expect(throws: PenvizError.self) { try figure.write(to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("older figure".utf8))
        #expect(try contents(of: folder) == ["fig.png"])
    }

    @Test func aFailedRenameRemovesTheTemporaryFile() throws {
        // The target is a folder that is not empty: rename cannot replace it.
        let folder = try scratchFolder()
        let target = folder.appendingPathComponent("fig.pdf")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
        do {
            try figure().write(to: target.path)
            Issue.record("writing over a folder succeeded")
        } catch let error as PenvizError {
            #expect(error.kind == .input)
            #expect(error.message.contains(target.path))
        }
        #expect(try contents(of: folder) == ["fig.pdf"])
        #expect(try contents(of: target) == ["inside"])
    }

    @Test func missingFoldersAreMadeAndAFileInTheWayIsAnInputError() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("no/such/fig.png").path
        try figure().write(to: path)
        #expect(try contents(of: folder.appendingPathComponent("no/such")) == ["fig.png"])
        #expect(throws: PenvizError.self) { try figure().write(to: path + "/inner.png") }
        #expect(try contents(of: folder.appendingPathComponent("no/such")) == ["fig.png"])
    }
}
