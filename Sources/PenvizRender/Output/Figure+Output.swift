import Foundation
import PenvizCore
import PenvizIO

extension Figure {
    /// The figure laid out with the fonts it is drawn with.
    ///
    /// - Throws: ``PenvizError`` when Cairo fails to measure text.
    public func layout() throws -> FigureLayout {
        let metrics = try CairoFontMetrics()
        let layout = FigureLayout(self, metrics: metrics)
        try metrics.verify()
        return layout
    }

    /// The bytes of the figure drawn as `format`: a whole PNG, SVG or PDF file.
    ///
    /// The same figure gives the same bytes every time, in one process or many.
    ///
    /// - Throws: ``PenvizError``: usage for sizes Cairo cannot draw, input when
    ///   Cairo fails.
    public func encoded(as format: ImageFormat) throws -> [UInt8] {
        try options.validate()
        return try CairoEncoder.encode(try layout(), as: format)
    }

    /// The bytes of the figure drawn in each of `formats`, side by side on
    /// separate threads (each format has its own Cairo surface).
    ///
    /// - Throws: the error of the first format, in the order given, that
    ///   cannot be drawn (see ``encoded(as:)-(ImageFormat)``).
    public func encoded(as formats: [ImageFormat]) throws -> [[UInt8]] {
        try drawn(formats).map { try $0.get() }
    }

    /// The figure drawn in each of `formats` on separate threads, each a file's bytes or the error drawing it.
    private func drawn(_ formats: [ImageFormat]) -> [Result<[UInt8], any Error>] {
        RowBlocks.concurrentMap(count: formats.count) { index in Result { try encoded(as: formats[index]) } }
    }

    /// Draws the figure to `path` in the format its extension names (`.png`,
    /// `.svg`, `.pdf`). The file is drawn in memory, written beside the target
    /// under a temporary name and renamed into place, so a failure leaves any
    /// older file untouched.
    ///
    /// - Throws: ``PenvizError``: usage for an unknown extension or a bad size,
    ///   input naming `path` when drawing or writing fails.
    public func write(to path: String) throws {
        try write(to: [path])
    }

    /// Draws the figure to every one of `paths`, each in the format its
    /// extension names. Each format is drawn once, the formats side by side,
    /// and every file is drawn before the first is written, so a figure that
    /// cannot be drawn leaves all of them untouched.
    ///
    /// - Throws: ``PenvizError``: usage for an unknown extension or a bad size,
    ///   input naming a path of the format when drawing or writing fails.
    public func write(to paths: [String]) throws {
        let formats = try paths.map(ImageFormat.init(path:))
        let distinct = formats.indices.filter { formats.firstIndex(of: formats[$0]) == $0 }.map { formats[$0] }
        var bytes: [ImageFormat: [UInt8]] = [:]
        for (format, result) in zip(distinct, drawn(distinct)) {
            do {
                bytes[format] = try result.get()
            } catch let error as PenvizError where error.kind == .input {
                throw PenvizError.input(paths[formats.firstIndex(of: format)!], error.message)
            }
        }
        for (path, format) in zip(paths, formats) {
            try AtomicFile.write(Data(bytes[format]!), to: path)
        }
    }
}

extension FigureOptions {
    /// Throws a usage error for a page size, scale, point size or opacity that
    /// cannot be drawn.
    func validate() throws {
        func positive(_ value: Double, _ name: String) throws {
            guard value > 0, value.isFinite else {
                throw PenvizError.usage("the figure \(name) must be a positive number, not \(value)")
            }
        }
        try positive(width, "width")
        try positive(height, "height")
        try positive(scale, "scale")
        try positive(pointSize, "point size")
        guard (0...1).contains(pointAlpha) else {
            throw PenvizError.usage("the point alpha must lie between 0 and 1, not \(pointAlpha)")
        }
    }
}
