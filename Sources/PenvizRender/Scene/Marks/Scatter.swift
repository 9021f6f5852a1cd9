/// Points drawn as small filled circles, each in its class's colour.
///
/// Points are drawn in the order given, so when classes are interleaved no class
/// hides another wholesale. Points with a non-finite coordinate are skipped.
///
/// Above ``FigureOptions/densityThreshold`` points (200 000 by default) the
/// scatter is shaded as per-class densities instead: the plot area is cut into
/// cells a quarter of a point wide and each cell takes the opacity that its class's
/// overlapping markers would give it. Files stay small and quick to draw (a PNG
/// image inside SVG and PDF) and dense regions look as the points would.
public struct Scatter: Equatable, Sendable {
    /// Horizontal data coordinates.
    public var x: [Double]
    /// Vertical data coordinates, as many as `x`.
    public var y: [Double]
    /// For each point, the index of its class in the panel's ``Panel/classes``.
    public var classIndex: [Int]
    /// The marker diameter in points; `nil` takes ``FigureOptions/pointSize``.
    public var diameter: Double?
    /// The marker opacity; `nil` takes ``FigureOptions/pointAlpha``.
    public var alpha: Double?

    /// Points at (`x[i]`, `y[i]`) of class `classIndex[i]`; the three arrays must
    /// be equally long.
    public init(x: [Double], y: [Double], classIndex: [Int], diameter: Double? = nil, alpha: Double? = nil) {
        precondition(x.count == y.count && x.count == classIndex.count,
                     "Scatter: \(x.count) x, \(y.count) y and \(classIndex.count) class indices")
        self.x = x
        self.y = y
        self.classIndex = classIndex
        self.diameter = diameter
        self.alpha = alpha
    }

    /// The number of points.
    public var count: Int { x.count }
}
