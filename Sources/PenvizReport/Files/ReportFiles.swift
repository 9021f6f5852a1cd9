import Foundation
import PenvizCore
import PenvizIO

/// Writes a report into a folder:
///
/// ```text
/// DIR/report.html        one self-contained page (HTMLReport)
/// DIR/report.md          the same in Markdown (MarkdownReport), linking to figures/
/// DIR/metrics.json       every number (ReportMetrics)
/// DIR/figures/NAME.svg   each figure as SVG
/// DIR/figures/NAME.png   and as PNG
/// ```
///
/// Everything is drawn and rendered in memory first, then written into a new
/// folder beside `DIR` (`.DIR.XXXXXX.tmp`) that takes `DIR`'s place only once
/// every file is on disk: a failure at any point leaves an older report in `DIR`
/// whole, never a mix of old and new files. The older report is then removed, so
/// `DIR` may only hold a report's own files (the names above); a folder holding
/// anything else is refused rather than replaced.
public enum ReportFiles {
    /// The file names written, relative to the folder, in the order they are written.
    ///
    /// - Throws: ``PenvizError`` (input) naming the path when the folder cannot
    ///   be made or a file cannot be written, or when Cairo cannot draw a figure.
    @discardableResult
    public static func write(_ content: ReportContent, to directory: String, embed: HTMLReport.Embed = .svg) throws -> [String] {
        // The figures are drawn side by side, each as SVG and PNG at once.
        let drawn = try RowBlocks.concurrentMap(count: content.figures.count) { index in
            Result { try EncodedFigure(content.figures[index]) }
        }.map { try $0.get() }
        let markdown = MarkdownReport(document: content.document)
        var files: [(name: String, data: Data)] = drawn.flatMap { figure in
            [("\(markdown.figureFolder)/\(figure.name).svg", Data(figure.svg)),
             ("\(markdown.figureFolder)/\(figure.name).png", Data(figure.png))]
        }
        files.append(("metrics.json", try JSONOutput.encode(content.metrics)))
        files.append(("report.md", Data(markdown.text.utf8)))
        files.append(("report.html", Data(HTMLReport(document: content.document, figures: drawn, embed: embed).text.utf8)))

        let older = try olderReport(in: directory, figureFolder: markdown.figureFolder)
        let parent = (directory as NSString).deletingLastPathComponent
        try makeFolder(parent.isEmpty ? "." : parent)
        let staging = try temporaryFolder(beside: directory, suffix: "tmp")
        do {
            try makeFolder((staging as NSString).appendingPathComponent(markdown.figureFolder))
            let batch = OutputBatch()
            for file in files { try batch.write(file.data, to: (staging as NSString).appendingPathComponent(file.name)) }
            try batch.commit()
            try swap(staging, into: directory, replacingOlder: older)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        return files.map(\.name)
    }

    /// Checks, before any work, that a report may be written to `directory`: it is
    /// new, or a folder holding only a report's own files.
    ///
    /// - Throws: ``PenvizError`` (usage) naming what is in the way.
    public static func checkFolder(_ directory: String) throws {
        _ = try olderReport(in: directory, figureFolder: MarkdownReport.defaultFigureFolder)
    }

    /// Whether `directory` holds an older report (true) or does not exist (false).
    ///
    /// - Throws: ``PenvizError`` (usage) when it is a file, or a folder holding
    ///   anything but a report's own files, which replacing it would delete.
    private static func olderReport(in directory: String, figureFolder: String) throws -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else { return false }
        guard isFolder.boolValue else { throw PenvizError.usage("--out \(directory): exists and is not a folder; the report needs a folder") }
        let own: Set<String> = ["report.html", "report.md", "metrics.json", figureFolder]
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let figures = (try? FileManager.default.contentsOfDirectory(atPath: (directory as NSString).appendingPathComponent(figureFolder))) ?? []
        let foreign = contents.filter { !own.contains($0) }
            + figures.filter { !($0.hasSuffix(".svg") || $0.hasSuffix(".png")) }.map { "\(figureFolder)/\($0)" }
        if let first = foreign.sorted().first {
            throw PenvizError.usage(
                "--out \(directory) holds \(first), which is not part of a report: a report replaces its whole folder, so give a new folder or a report's")
        }
        return true
    }

    /// A new, empty folder `.NAME.XXXXXX.SUFFIX` beside `path`.
    private static func temporaryFolder(beside path: String, suffix: String) throws -> String {
        let url = URL(fileURLWithPath: path)
        var template = Array(url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path.utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw PenvizError.input(path, "cannot create a folder beside it: \(String(cString: strerror(errno)))")
        }
        let made = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let named = "\(made).\(suffix)"
        guard rename(made, named) == 0 else {
            rmdir(made)
            throw PenvizError.input(path, "cannot create a folder beside it: \(String(cString: strerror(errno)))")
        }
        return named
    }

    /// Puts the finished `staging` folder in the place of `directory`; an older
    /// report there is moved aside first, and put back if the move fails.
    private static func swap(_ staging: String, into directory: String, replacingOlder older: Bool) throws {
        guard older else {
            guard rename(staging, directory) == 0 else { throw failure(directory, "cannot create the folder") }
            return
        }
        let aside = try temporaryFolder(beside: directory, suffix: "old")
        rmdir(aside)
        guard rename(directory, aside) == 0 else { throw failure(directory, "cannot replace the older report") }
        guard rename(staging, directory) == 0 else {
            let reason = failure(directory, "cannot replace the older report")
            rename(aside, directory)
            throw reason
        }
        try? FileManager.default.removeItem(atPath: aside)
    }

    /// Makes the folder `path` (and its parents) unless it exists.
    private static func makeFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw PenvizError.input(path, "exists and is not a folder; the report needs a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw PenvizError.input(path, "cannot create the folder: \(error.localizedDescription)")
        }
    }

    private static func failure(_ path: String, _ what: String) -> PenvizError {
        PenvizError.input(path, "\(what): \(String(cString: strerror(errno)))")
    }
}
