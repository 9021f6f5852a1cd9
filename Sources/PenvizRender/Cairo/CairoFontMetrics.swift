import CCairo

/// Text measured with Cairo and the DejaVu Sans font that the Cairo backend draws
/// with, so that layout makes exactly the room the text takes.
///
/// Metrics are unhinted on every surface (``CairoFont/configure(_:)``), so a
/// figure gets the same layout in PNG, SVG and PDF.
public final class CairoFontMetrics: FontMetrics {
    private let surface: OpaquePointer
    private let context: OpaquePointer

    /// Metrics from a private one-pixel Cairo surface.
    ///
    /// - Throws: ``PenvizError`` when Cairo cannot make the surface.
    public init() throws {
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        context = cairo_create(surface)
        CairoFont.configure(context)
        try checkCairo(cairo_status(context), while: "preparing to measure text")
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    public func measure(_ text: String, in font: Font) -> TextExtent {
        CairoFont.measure(text, in: font, context: context)
    }

    /// Throws when any measurement so far failed inside Cairo.
    public func verify() throws {
        try checkCairo(cairo_status(context), while: "measuring text")
    }
}
