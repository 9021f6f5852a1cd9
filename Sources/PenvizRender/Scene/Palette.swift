/// Class colours that stay distinguishable for readers with colour-vision deficiency.
///
/// penviz colours a class by its **slot** in the figure row's triplet: the first
/// class of the triplet takes `colors[0]`, the second `colors[1]`, the third
/// `colors[2]`. Every panel of a row shows the same triplet, so a class keeps its
/// colour across runs and splits, and the three classes of a panel always get the
/// three most distinct colours, whatever their ids among K classes (colouring by
/// id would reuse 8 colours among up to 1000 classes and could give two classes
/// of one panel the same colour). Each row carries its own legend.
///
/// The named palettes (``all``) are the ones `--palette` offers; ``okabeIto`` is the default.
public struct Palette: Equatable, Sendable {
    /// The name `--palette` takes and the metrics JSON records, such as `okabe-ito`.
    public var name: String
    /// The colours in the order they are handed out.
    public var colors: [Color]
    /// The colour a figure sets against the first where it needs two kinds of mark
    /// rather than classes: the reliability diagram's gaps against its accuracy bars.
    public var contrast: Color

    /// A palette of the given colours (at least one) and its contrast colour.
    public init(name: String, _ colors: [Color], contrast: Color) {
        precondition(!colors.isEmpty, "Palette: needs at least one colour")
        self.name = name
        self.colors = colors
        self.contrast = contrast
    }

    /// The colour for slot `index`; slots past the end wrap around.
    public subscript(index: Int) -> Color {
        colors[((index % colors.count) + colors.count) % colors.count]
    }
}
