import CCairo
import PenvizCore

/// How the Cairo backend selects and measures DejaVu Sans.
enum CairoFont {
    /// The family every text is set in.
    static let family = "DejaVu Sans"

    /// Turns off metric hinting on `context`, so advances do not snap to device
    /// pixels and text measures the same on every surface.
    static func configure(_ context: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    /// Makes `font` the current font of `context`.
    static func select(_ font: Font, in context: OpaquePointer) {
        cairo_select_font_face(context, family, CAIRO_FONT_SLANT_NORMAL,
                               font.weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, font.size)
    }

    /// The advance width of `text` and the font's ascent and descent.
    static func measure(_ text: String, in font: Font, context: OpaquePointer) -> TextExtent {
        select(font, in: context)
        var fontExtents = cairo_font_extents_t()
        cairo_font_extents(context, &fontExtents)
        var textExtents = cairo_text_extents_t()
        cairo_text_extents(context, VisibleText.escaped(text), &textExtents)
        return TextExtent(width: textExtents.x_advance, ascent: fontExtents.ascent, descent: fontExtents.descent)
    }
}
