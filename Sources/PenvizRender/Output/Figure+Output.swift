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

    /// Draws the figure to `path` in the format its extension names (`.png`,
    /// `.svg`, `.pdf`). The file is drawn in memory, written beside the target
    /// under a temporary name and renamed into place, so a failure leaves any
    /// older file untouched.
    ///
    /// - Throws: ``PenvizError``: usage for an unknown extension or a bad size,
    ///   input naming `path` when drawing or writing fails.
    public func write(to path: String) throws {
        let format = try ImageFormat(path: path)
        let bytes: [UInt8]
        do {
            bytes = try encoded(as: format)
        } catch let error as PenvizError where error.kind == .input {
            throw PenvizError.input(path, error.message)
        }
        try AtomicFile.write(Data(bytes), to: path)
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
