import PenvizRender

/// How the report's figures look: one page width for all of them, so their
/// fonts come out the same size wherever the report is read, and the options
/// of the command line.
public struct ReportLook: Equatable, Sendable {
    /// The page width of every figure in points. At 720 points a figure shown
    /// 960 CSS pixels wide (the report's column) draws its 8–10 pt text at its nominal size.
    public var width: Double
    /// PNG pixels per point.
    public var scale: Double
    /// Leave the figures' backgrounds transparent instead of white.
    public var transparent: Bool
    /// At most this many points a class in each template-plane panel, a seeded sample; nil draws all.
    /// The metrics always use every example.
    public var perClass: Int?
    /// The seed of that sample.
    public var seed: UInt64
    /// Every text of the figures at this many times its default size.
    public var fontScale: Double
    /// The figures' colours.
    public var palette: Palette
    /// Label the plane panels' axes with the plane's basis.
    public var axisLabels: Bool

    /// A look from its parts; the defaults give 720-point figures, PNGs at 2 pixels a point (1440 pixels wide),
    /// text at its default size in Okabe & Ito's colours, plane panels without axis labels.
    public init(width: Double = 720, scale: Double = 2, transparent: Bool = false, perClass: Int? = nil, seed: UInt64 = 0,
                fontScale: Double = 1, palette: Palette = .okabeIto, axisLabels: Bool = false) {
        self.width = width
        self.scale = scale
        self.transparent = transparent
        self.perClass = perClass
        self.seed = seed
        self.fontScale = fontScale
        self.palette = palette
        self.axisLabels = axisLabels
    }

    /// Figure options for a page `height` points tall at the report's width.
    func options(height: Double) -> FigureOptions {
        FigureOptions(width: width, height: height, scale: scale, transparent: transparent, axes: .independent,
                      fontScale: fontScale, palette: palette, growsToFit: true)
    }

    /// The style recorded in the report's metrics.json.
    var style: FigureStyle {
        FigureStyle(fontScale: fontScale, palette: palette, axisLabels: axisLabels)
    }
}
