extension Palette {
    /// Okabe & Ito's colour-blind-safe palette (2008), ordered for scatter plots
    /// on white: blue, orange, bluish green, vermillion, reddish purple, sky blue,
    /// black, and yellow last because it is hard to see on white. The contrast
    /// colour is the vermillion. penviz's default.
    public static let okabeIto = Palette(name: "okabe-ito", [
        Color(hex: 0x0072B2), // blue
        Color(hex: 0xE69F00), // orange
        Color(hex: 0x009E73), // bluish green
        Color(hex: 0xD55E00), // vermillion
        Color(hex: 0xCC79A7), // reddish purple
        Color(hex: 0x56B4E9), // sky blue
        Color(hex: 0x000000), // black
        Color(hex: 0xF0E442), // yellow
    ], contrast: Color(hex: 0xD55E00))

    /// Paul Tol's "bright" qualitative scheme (2021), colour-blind safe: blue, red,
    /// green first (the three most distinct on white), then yellow, cyan, purple, grey.
    public static let tolBright = Palette(name: "tol-bright", [
        Color(hex: 0x4477AA), // blue
        Color(hex: 0xEE6677), // red
        Color(hex: 0x228833), // green
        Color(hex: 0xCCBB44), // yellow
        Color(hex: 0x66CCEE), // cyan
        Color(hex: 0xAA3377), // purple
        Color(hex: 0xBBBBBB), // grey
    ], contrast: Color(hex: 0xEE6677))

    /// Paul Tol's "high-contrast" scheme (2021): dark blue, yellow and red, of
    /// clearly different lightness, so the three classes stay apart when the
    /// figure is printed or converted to grey scale. Colour-blind safe too.
    public static let tolHighContrast = Palette(name: "tol-high-contrast", [
        Color(hex: 0x004488), // blue
        Color(hex: 0xDDAA33), // yellow
        Color(hex: 0xBB5566), // red
    ], contrast: Color(hex: 0xBB5566))

    /// Every palette `--palette` offers, the default first.
    public static let all: [Palette] = [okabeIto, tolBright, tolHighContrast]

    /// The palette called `name`, or nil.
    public static func named(_ name: String) -> Palette? {
        all.first { $0.name == name }
    }
}
