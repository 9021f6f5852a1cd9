/// The settings of a figure that the command line exposes.
public struct FigureOptions: Equatable, Sendable {
    /// The page width in points (1/72 inch).
    public var width: Double
    /// The page height in points.
    public var height: Double
    /// PNG pixels per point: 3 gives 216 dpi, 4 gives 288 dpi.
    public var scale: Double
    /// The diameter of a scatter point in points.
    public var pointSize: Double
    /// The opacity of a scatter point, so dense regions read darker.
    public var pointAlpha: Double
    /// Leave the background transparent instead of white.
    public var transparent: Bool
    /// The title above the whole figure.
    public var title: String?
    /// Which panels share axis limits.
    public var axes: AxisSharing
    /// Draw a very light grid at the major ticks.
    public var grid: Bool
    /// Where each row's legend goes.
    public var legend: LegendPlacement
    /// A scatter with more points than this is shaded as per-class densities
    /// instead of drawn point by point (see ``Scatter``), in every format.
    public var densityThreshold: Int
    /// Every text of the figure is this many times its default size (8–12 pt at 1).
    public var fontScale: Double
    /// The colours of the classes, and of the marks a figure sets against them.
    public var palette: Palette
    /// A page too small for the panels and their labels (large text, long captions)
    /// grows to the smallest that fits, rather than being refused: for a page size
    /// the user did not choose.
    public var growsToFit: Bool

    /// Options, each defaulting to the paper look: a 4 × 4 inch page at 3 pixels a
    /// point (864 × 864 px), 2.2 pt points at 50 % opacity, white, shared axes, a
    /// grid, legends at the right, densities above 200 000 points a scatter, text
    /// at its default size, Okabe & Ito's colours, a page that is refused when too small.
    public init(width: Double = 288, height: Double = 288, scale: Double = 3, pointSize: Double = 2.2,
                pointAlpha: Double = 0.5, transparent: Bool = false, title: String? = nil,
                axes: AxisSharing = .shared, grid: Bool = true, legend: LegendPlacement = .right,
                densityThreshold: Int = 200_000, fontScale: Double = 1, palette: Palette = .okabeIto,
                growsToFit: Bool = false) {
        self.width = width
        self.height = height
        self.scale = scale
        self.pointSize = pointSize
        self.pointAlpha = pointAlpha
        self.transparent = transparent
        self.title = title
        self.axes = axes
        self.grid = grid
        self.legend = legend
        self.densityThreshold = densityThreshold
        self.fontScale = fontScale
        self.palette = palette
        self.growsToFit = growsToFit
    }
}
