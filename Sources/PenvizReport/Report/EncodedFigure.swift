import PenvizRender

/// One figure of the report drawn as SVG and as PNG, in memory, before any file is written.
public struct EncodedFigure: Sendable {
    /// The name of its files, `compare` for `figures/compare.svg`.
    public let name: String
    /// The SVG file's bytes.
    public let svg: [UInt8]
    /// The PNG file's bytes.
    public let png: [UInt8]
    /// The page size in points.
    public let size: Size

    /// Draws `figure` both ways, side by side.
    ///
    /// - Throws: ``PenvizError`` when Cairo cannot draw it.
    public init(_ figure: ReportFigure) throws {
        name = figure.name
        let files = try figure.figure.encoded(as: [.svg, .png])
        (svg, png) = (files[0], files[1])
        size = Size(width: figure.figure.options.width, height: figure.figure.options.height)
    }
}
