import Foundation
import PenvizCore
import Testing

@testable import PenvizReport

/// `ReportFiles` and `MarkdownReport`: the folder's files, the Markdown's links, and failures that write nothing.
@Suite("Report files")
struct ReportFilesTests {
    @Test("writes report.html, report.md, metrics.json and each figure as SVG and PNG; the same bytes twice")
    func files() throws {
        let folder = ReportTestRuns.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = try ReportTestRuns.content()
        let written = try ReportFiles.write(content, to: folder)
        #expect(written == ["figures/compare.svg", "figures/compare.png", "figures/reliability.svg", "figures/reliability.png",
                            "figures/erasure.svg", "figures/erasure.png", "figures/collapse.svg", "figures/collapse.png", "metrics.json", "report.md",
                            "report.html"])
        let listing = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { !$0.hasSuffix("figures") }
        #expect(Set(listing) == Set(written), "no temporary file left behind")
        let first = try written.map { try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\($0)")) }
        try ReportFiles.write(content, to: folder)
        let second = try written.map { try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\($0)")) }
        #expect(first == second)
    }

    @Test("every link of report.md resolves to a written file; each figure is shown as SVG and linked as PNG")
    func markdownLinks() throws {
        let folder = ReportTestRuns.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ReportFiles.write(try ReportTestRuns.content(), to: folder)
        let markdown = try String(contentsOfFile: "\(folder)/report.md", encoding: .utf8)
        // Every inline link or image: ](target)
        var targets: [String] = []
        var rest = Substring(markdown)
        while let open = rest.range(of: "](") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: ")") else { break }
            targets.append(String(after[..<close]))
            rest = after[close...]
        }
        #expect(targets == ["figures/compare.svg", "figures/compare.png", "figures/reliability.svg", "figures/reliability.png",
                            "figures/erasure.svg", "figures/erasure.png", "figures/collapse.svg", "figures/collapse.png"])
        for target in targets {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/\(target)"), "\(target) is not written")
        }
        #expect(markdown.components(separatedBy: "![").count - 1 == 4)
        // Six pipe tables, each with a delimiter row.
        #expect(markdown.components(separatedBy: "\n| :--- |").count - 1 == 6)
    }

    @Test("a file where the folder should be: an error, and the file is left alone")
    func folderIsAFile() throws {
        let path = ReportTestRuns.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("keep".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PenvizError.self) { try ReportFiles.write(try ReportTestRuns.content(augmented: false), to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("keep".utf8))
    }
}
