import Foundation
import FoundationXML
import PenvizAnalysis
import PenvizCore
import PenvizReport

/// libFuzzer entry point: the input is three class names (split at NUL bytes, decoded as
/// UTF-8 with replacement). A small run with those names is compared with itself, and the
/// report's Markdown, HTML and SVG figures are checked: the HTML and every SVG parse as
/// XML, the Markdown keeps exactly its own headings and holds no fence or control
/// character the report did not put there. A broken document is a crash (a finding).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = UnsafeBufferPointer(start: data, count: size).split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    var names = parts.map { String(decoding: $0, as: UTF8.self) }
    while names.count < 3 { names.append("class \(names.count)") }
    // Names must differ to make a run; the fuzzer's interest is in what they hold.
    if Set(names).count < 3 { names = names.enumerated().map { "\($0.element)#\($0.offset)" } }
    guard let content = try? DocumentRun.content(names: names) else { return 0 }
    DocumentRun.check(content)
    return 0
}

/// The run the documents are made of, and the checks on them.
enum DocumentRun {
    /// A float64 array of `shape` holding `values`.
    static func array(_ values: [Double], _ shape: [Int]) throws -> ArrayView {
        try ArrayView(shape: shape, dtype: .float64, storage: ByteStorage(copying: values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }))
    }

    /// The report of a K = 3, D = 2 run named `names`, compared with itself.
    static func content(names: [String]) throws -> ReportContent {
        let features = [1.0, 1, 2, 0, 0, 0, 5, 5, 1.5, 0.5, 0.2, 1.8]
        let labels = [0.0, 1, 0, 2, 1, 2]
        let logits = [0.0, 2, 4, 0, 4, 2, 0, 0, 2, 0, 10, 12, 0, 3, 3, 0, 0.4, 5.6]
        let parts = RunParts(
            source: "fuzz.npz", name: "fuzz",
            weight: NamedArray(key: "weight", array: try array([0, 0, 2, 0, 0, 2], [3, 2])),
            bias: NamedArray(key: "bias", array: try array([0, 0, 2], [3])), classNames: ("class_names", names),
            splits: [.init(name: "val", features: NamedArray(key: "val_features", array: try array(features, [6, 2])),
                           labels: NamedArray(key: "val_labels", array: try array(labels, [6])),
                           logits: NamedArray(key: "val_logits", array: try array(logits, [6, 3])))])
        let run = try Run(parts: parts)
        let runs = [ComparedRun(label: names[0], run: run), ComparedRun(label: names[1], run: run)]
        let comparison = try Comparison(runs: runs, splits: ["val"], triplets: [ComparedTriplet(kind: .given, triplet: Triplet(0, 1, 2))])
        let settings = CalibrationSettings(resamples: 0)
        let calibrations = try runs.map { try RunCalibration(label: $0.label, run: $0.run, settings: settings) }
        return ReportContent(
            comparison: comparison, splits: try comparison.splitSummaries(), calibrations: calibrations, settings: settings,
            erasure: .skipped("none"), look: ReportLook(scale: 0.5), title: names[2])
    }

    /// Crashes when a document of `content` is broken.
    static func check(_ content: ReportContent) {
        let figures = content.figures.compactMap { try? EncodedFigure($0) }
        guard figures.count == content.figures.count else { fatalError("a figure could not be drawn") }
        for figure in figures where !XMLParser(data: Data(figure.svg)).parse() {
            fatalError("figure \(figure.name).svg does not parse as XML")
        }
        let html = HTMLReport(document: content.document, figures: figures, embed: .svg).text
        let doctype = "<!DOCTYPE html>\n"
        guard html.hasPrefix(doctype), XMLParser(data: Data(html.dropFirst(doctype.count).utf8)).parse() else {
            fatalError("report.html does not parse as XML")
        }
        let markdown = MarkdownReport(document: content.document).text
        let plain = MarkdownReport(document: reference.document).text
        let headings = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("#") }.count }
        guard headings(markdown) == headings(plain) else { fatalError("report.md has headings of its own names") }
        let fences = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("```") || $0.hasPrefix("~~~") }.count }
        guard fences(markdown) == fences(plain) else { fatalError("report.md has fences the names opened") }
        guard !markdown.unicodeScalars.contains(where: { $0 != "\n" && $0.properties.generalCategory == .control }) else {
            fatalError("report.md holds a control character")
        }
    }

    /// The same report with plain names, whose structure every other must keep.
    nonisolated(unsafe) static let reference = try! content(names: ["cat", "dog", "owl"])
}
