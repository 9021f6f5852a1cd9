/// The look of penviz figures: fonts, greys, line widths and spacing, in points.
///
/// One place for the paper style, so layout and drawing agree on every size.
struct Theme: Equatable, Sendable {
    /// Blank space around the page edge.
    var pagePadding = 8.0
    /// Horizontal space between neighbouring panel cells.
    var columnGap = 10.0
    /// Vertical space between rows.
    var rowGap = 8.0
    /// Data padding on each side, as a fraction of the data extent.
    var dataPadding = 0.06
    /// The preferred page distance between ticks; fewer ticks when labels need room.
    var tickSpacing = 48.0

    var tickFont = Font(size: 8)
    var tickLength = 3.0
    var tickLabelGap = 2.5
    var tickLabelColor = Color(grey: 0.3)
    var spine = Stroke(color: Color(grey: 0.62), width: 0.6)
    var grid = Stroke(color: Color(grey: 0.91), width: 0.5)

    var panelTitleFont = Font(size: 10)
    var panelTitleGap = 5.0
    var axisLabelFont = Font(size: 9)
    var axisLabelGap = 4.0
    var captionFont = Font(size: 8)
    var captionGap = 4.0
    var textColor = Color(grey: 0.12)

    var figureTitleFont = Font(size: 12, weight: .bold)
    var headerFont = Font(size: 10, weight: .bold)
    var headerGap = 4.0
    var rowLabelFont = Font(size: 10, weight: .bold)
    var rowLabelGap = 6.0

    var legendFont = Font(size: 9)
    var legendGap = 12.0
    var legendKeySize = 7.0
    var legendKeyGap = 5.0
    /// The longest a legend's label may be; longer ones end in "…".
    var legendLabelMaxWidth = 150.0
    var legendLineHeight = 14.0
    var legendLineWidth = 1.5
    /// Between a row's tick labels and a legend under it.
    var legendGapBelow = 4.0
    /// Between entries of a legend set in one line.
    var legendEntryGap = 14.0
    var legendNoteFont = Font(size: 7.5)
    var legendNoteColor = Color(grey: 0.35)
    /// Between a legend's last entry and its note.
    var legendNoteGap = 4.0
    /// A legend's note is wrapped to at least this width, or the entries' when wider.
    var legendNoteWidth = 120.0
    /// The most lines a legend's note takes.
    var legendNoteLines = 5

    /// A template's diameter is this many scatter-point diameters, at least `templateMinimumDiameter`.
    var templateDiameterFactor = 3.2
    var templateMinimumDiameter = 7.5
    var templateOutline = Stroke(color: Color(grey: 0.1), width: 1.1)
    var templateRing = Stroke(color: .white, width: 3.4)
    var templateLabelFont = Font(size: 9, weight: .bold)
    /// The smallest plot area's side: a page that leaves less is too small for its figure.
    var minimumPlotSide = 40.0
    /// The longest a template's label may be, as a share of its plot area's width.
    var templateLabelMaxShare = 0.6
    var templateLabelGap = 2.5
    var templateLabelHalo = Stroke(color: Color(grey: 1, alpha: 0.9), width: 2.6)

    /// How many times its nominal size every text is drawn, text marks included.
    var fontScale = 1.0

    /// The style of penviz figures.
    static let paper = Theme()

    /// This theme with every font, and the legend's keys and lines that hold them,
    /// `scale` times as large. Gaps and strokes keep their sizes.
    func withFontScale(_ scale: Double) -> Theme {
        var theme = self
        theme.fontScale = scale
        for font in [\Theme.tickFont, \.panelTitleFont, \.axisLabelFont, \.captionFont, \.figureTitleFont, \.headerFont,
                     \.rowLabelFont, \.legendFont, \.templateLabelFont, \.legendNoteFont] {
            theme[keyPath: font].size *= scale
        }
        theme.legendKeySize *= scale
        theme.legendLineHeight *= scale
        theme.legendLabelMaxWidth *= scale
        theme.legendNoteWidth *= scale
        return theme
    }

    /// A text mark's font at this theme's scale.
    func scaled(_ font: Font) -> Font {
        Font(size: font.size * fontScale, weight: font.weight)
    }

    /// The diameter of a template marker when scatter points are `pointSize` across.
    func templateDiameter(pointSize: Double) -> Double {
        max(templateMinimumDiameter, templateDiameterFactor * pointSize)
    }
}
