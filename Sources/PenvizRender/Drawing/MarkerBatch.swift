/// The look of one kind of scatter marker: a filled circle.
public struct MarkerStyle: Equatable, Hashable, Sendable {
    /// The diameter in points.
    public var diameter: Double
    /// The fill colour, opacity included.
    public var fill: Color

    /// A marker `diameter` points across filled with `fill`.
    public init(diameter: Double, fill: Color) {
        self.diameter = diameter
        self.fill = fill
    }
}

/// Many markers drawn in one call, in order, each in one of a few styles.
///
/// One call for a whole scatter lets a backend draw each style once and stamp it
/// at every position (compact SVG and PDF, fast PNG).
public struct MarkerBatch: Equatable, Sendable {
    /// The styles that markers refer to by index.
    public var styles: [MarkerStyle]
    /// The marker centres in page coordinates.
    public var positions: [Point]
    /// Each marker's index into `styles`, as many as `positions`.
    public var styleIndex: [Int]

    /// A batch; `positions` and `styleIndex` must be equally long.
    public init(styles: [MarkerStyle], positions: [Point], styleIndex: [Int]) {
        precondition(positions.count == styleIndex.count, "MarkerBatch: \(positions.count) positions, \(styleIndex.count) style indices")
        self.styles = styles
        self.positions = positions
        self.styleIndex = styleIndex
    }
}
