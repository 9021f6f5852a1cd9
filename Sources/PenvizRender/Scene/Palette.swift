/// Class colours that stay distinguishable for readers with colour-vision deficiency.
///
/// penviz colours a class by its **slot** in the figure row's triplet: the first
/// class of the triplet takes `colors[0]`, the second `colors[1]`, the third
/// `colors[2]`. Every panel of a row shows the same triplet, so a class keeps its
/// colour across runs and splits, and the three classes of a panel always get the
/// three most distinct colours, whatever their ids among K classes (colouring by
/// id would reuse 8 colours among up to 1000 classes and could give two classes
/// of one panel the same colour). Each row carries its own legend.
public struct Palette: Equatable, Sendable {
    /// The colours in the order they are handed out.
    public var colors: [Color]

    /// A palette of the given colours; there must be at least one.
    public init(_ colors: [Color]) {
        precondition(!colors.isEmpty, "Palette: needs at least one colour")
        self.colors = colors
    }

    /// The colour for slot `index`; slots past the end wrap around.
    public subscript(index: Int) -> Color {
        colors[((index % colors.count) + colors.count) % colors.count]
    }

    /// Okabe & Ito's colour-blind-safe palette (2008), ordered for scatter plots
    /// on white: blue, orange, bluish green, vermillion, reddish purple, sky blue,
    /// black, and yellow last because it is hard to see on white.
    public static let okabeIto = Palette([
        Color(hex: 0x0072B2), // blue
        Color(hex: 0xE69F00), // orange
        Color(hex: 0x009E73), // bluish green
        Color(hex: 0xD55E00), // vermillion
        Color(hex: 0xCC79A7), // reddish purple
        Color(hex: 0x56B4E9), // sky blue
        Color(hex: 0x000000), // black
        Color(hex: 0xF0E442), // yellow
    ])
}
