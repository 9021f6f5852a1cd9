/// The box a line of text occupies when set in some font.
public struct TextExtent: Equatable, Sendable {
    /// The advance width: how far the pen moves while setting the text.
    public var width: Double
    /// How far the font reaches above the baseline.
    public var ascent: Double
    /// How far the font reaches below the baseline (positive).
    public var descent: Double

    /// An extent from its parts.
    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }

    /// The height of a line: ascent plus descent.
    public var height: Double { ascent + descent }
}

/// Measures text, so that layout can make room for labels without drawing them.
///
/// The Cairo backend measures with the real font (``CairoFontMetrics``); layout
/// tests use ``ApproximateFontMetrics``.
public protocol FontMetrics {
    /// The extent of `text` set on one line in `font`.
    func measure(_ text: String, in font: Font) -> TextExtent
}

/// Text measured from the character count with DejaVu Sans's average proportions:
/// good to within a few per cent for digits and lower-case words, and independent
/// of any font file, so layout tests give the same answer everywhere.
public struct ApproximateFontMetrics: FontMetrics {
    /// The average advance of a character, as a fraction of the em size.
    public var averageAdvance: Double

    /// Metrics with the given average advance (DejaVu Sans digits are 0.636 em).
    public init(averageAdvance: Double = 0.636) {
        self.averageAdvance = averageAdvance
    }

    public func measure(_ text: String, in font: Font) -> TextExtent {
        let boldFactor = font.weight == .bold ? 1.1 : 1
        return TextExtent(width: Double(text.count) * averageAdvance * boldFactor * font.size,
                          ascent: 0.928 * font.size, descent: 0.236 * font.size)
    }
}
