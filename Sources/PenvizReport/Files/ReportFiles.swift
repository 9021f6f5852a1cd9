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
/// Everything is drawn and rendered in memory first, so a failure while
/// drawing leaves the folder as it was; then each file is written through
/// ``AtomicFile``, so none is ever half-written. `report.html` comes last.
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

        try makeFolder(directory)
        try makeFolder((directory as NSString).appendingPathComponent(markdown.figureFolder))
        for file in files {
            try AtomicFile.write(file.data, to: (directory as NSString).appendingPathComponent(file.name))
        }
        return files.map(\.name)
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
}
