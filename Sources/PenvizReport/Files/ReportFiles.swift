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
/// Everything is drawn and rendered in memory first, then written as one folder
/// through ``AtomicFolder``: a failure at any point leaves an older report in `DIR`
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
        // Metrics first: one that is not finite (inputs too large for Float64) stops the report before any drawing.
        let metrics = try JSONOutput.encode(content.metrics, file: (directory as NSString).appendingPathComponent("metrics.json"))
        // The figures are drawn side by side, each as SVG and PNG at once.
        let drawn = try RowBlocks.concurrentMap(count: content.figures.count) { index in
            Result { try EncodedFigure(content.figures[index]) }
        }.map { try $0.get() }
        let markdown = MarkdownReport(document: content.document)
        var files: [(name: String, data: Data)] = drawn.flatMap { figure in
            [("\(markdown.figureFolder)/\(figure.name).svg", Data(figure.svg)),
             ("\(markdown.figureFolder)/\(figure.name).png", Data(figure.png))]
        }
        files.append(("metrics.json", metrics))
        files.append(("report.md", Data(markdown.text.utf8)))
        files.append(("report.html", Data(HTMLReport(document: content.document, figures: drawn, embed: embed).text.utf8)))

        try checkReplaceable(directory, figureFolder: markdown.figureFolder)
        try AtomicFolder.write(files, to: directory)
        return files.map(\.name)
    }

    /// Checks, before any work, that a report may be written to `directory`: it is
    /// new, or a folder holding only a report's own files.
    ///
    /// - Throws: ``PenvizError`` (usage) naming what is in the way.
    public static func checkFolder(_ directory: String) throws {
        try checkReplaceable(directory, figureFolder: MarkdownReport.defaultFigureFolder)
    }

    /// Throws a ``PenvizError`` (usage) when `directory` is a file, or a folder holding
    /// anything but a report's own files, which replacing it would delete.
    private static func checkReplaceable(_ directory: String, figureFolder: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else { return }
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
    }
}
