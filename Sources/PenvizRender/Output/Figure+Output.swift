import Foundation
import PenvizCore

extension Figure {
    /// The figure laid out with the fonts it is drawn with; on a page grown to fit
    /// when it is too small and ``FigureOptions/growsToFit`` allows it.
    ///
    /// - Throws: ``PenvizError`` when Cairo fails to measure text; ``PenvizError``
    ///   (usage) naming the smallest page that fits when the page is too small for
    ///   the panels, their labels and legends (and may not grow).
    public func layout() throws -> FigureLayout {
        let metrics = try CairoFontMetrics()
        let layout = FigureLayout(self, metrics: metrics)
        try metrics.verify()
        if var required = layout.requiredSize {
            // Margins change with the page (tick steps, label widths): the size named is one tried and found to fit.
            for _ in 0..<4 {
                var larger = self
                larger.options.width = max(options.width, required.width)
                larger.options.height = max(options.height, required.height)
                let grown = FigureLayout(larger, metrics: metrics)
                guard let more = grown.requiredSize else {
                    if options.growsToFit { return grown }
                    break
                }
                required = more
            }
            throw PenvizError.usage(
                "a page of \(Int(options.width.rounded())) × \(Int(options.height.rounded())) points is too small for "
                    + "this figure's panels and labels: it needs at least \(Int(required.width)) × \(Int(required.height)) "
                    + "points (--width, --height)")
        }
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
    public func drawn(_ formats: [ImageFormat]) -> [Result<[UInt8], any Error>] {
        RowBlocks.concurrentMap(count: formats.count) { index in Result { try encoded(as: formats[index]) } }
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
