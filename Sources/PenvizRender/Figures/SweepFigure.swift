import Foundation

/// Numbers of several runs drawn against their label smoothing α, one small
/// panel a quantity (issue 18): how tightness, the logit gap, calibration and
/// information erasure move as α grows.
///
/// Each panel holds one or more series, a line through a marker a run, in α
/// order; a series can instead be a reference curve (``Series/isReference``: a
/// dashed line without markers, such as the gap ls_gap(α) that label smoothing
/// drives the logits toward). Series keep one colour across the figure, and one
/// legend beside the first row names them all. The α axis is logarithmic when
/// every α is positive and they span a decade or more (``isLogarithmic(_:)``),
/// else linear.
///
/// ```swift
/// let figure = SweepFigure(charts: [
///     .init(title: "cluster_ratio (val)", series: [.init(label: "measured", points: [(0, 0.44), (0.1, 0.30), (0.2, 0.25)])]),
/// ]).figure(options: FigureOptions(width: 720, height: 240))
/// ```
public struct SweepFigure: Sendable {
    /// One line of a panel.
    public struct Series: Sendable {
        /// The legend's name for it.
        public var label: String
        /// (α, value) pairs; drawn in increasing α.
        public var points: [(alpha: Double, value: Double)]
        /// A reference curve: dashed, without markers.
        public var isReference: Bool
        /// Its colour; nil takes the next colour of the palette.
        public var color: Color?

        /// A series from its parts.
        public init(label: String, points: [(alpha: Double, value: Double)], isReference: Bool = false, color: Color? = nil) {
            self.label = label
            self.points = points
            self.isReference = isReference
            self.color = color
        }
    }

    /// One panel: a quantity against α.
    public struct Chart: Sendable {
        /// The panel's title, such as `cluster_ratio (val)`.
        public var title: String
        /// Its lines.
        public var series: [Series]

        /// A chart from its parts.
        public init(title: String, series: [Series]) {
            self.title = title
            self.series = series
        }
    }

    /// The panels, row by row.
    public var charts: [Chart]
    /// The dashes of a reference curve, in the panels and in the legend.
    static let referenceDash: [Double] = [3, 2]
    /// Panels a row.
    public var columns: Int

    /// A figure of `charts`, `columns` a row (default ``columns(for:)``).
    public init(charts: [Chart], columns: Int? = nil) {
        precondition(!charts.isEmpty && (columns ?? 1) >= 1, "SweepFigure: needs charts and columns")
        self.charts = charts
        self.columns = columns ?? Self.columns(for: charts.count)
    }

    /// Panels a row for `count` charts: all of them up to five; past five, four, five or
    /// three, whichever leaves the fewest empty places on the last row (in that order of
    /// preference on a tie), so that no panel stands alone where a fuller row is possible.
    public static func columns(for count: Int) -> Int {
        guard count > 5 else { return count }
        return [4, 5, 3].min { a, b in (a - count % a) % a < (b - count % b) % b }!
    }

    /// True when every α is positive and the largest is at least ten times the smallest.
    public static func isLogarithmic(_ alphas: [Double]) -> Bool {
        guard let low = alphas.min(), let high = alphas.max(), low > 0 else { return false }
        return high / low >= 10
    }

    /// A page of `charts` panels, `columns` a row (default ``columns(for:)``), each about 150 points
    /// square, with room for the legend.
    public static func pageSize(charts: Int, columns: Int? = nil) -> Size {
        let columns = columns ?? Self.columns(for: charts)
        let rows = (charts + columns - 1) / columns
        return Size(width: Double(min(charts, columns)) * 165 + 190, height: Double(rows) * 190 + 20)
    }

    /// The figure: the panels in rows of ``columns``, α across each (labelled under
    /// the lowest panel of each column), and one legend of every series beside the first row.
    public func figure(options: FigureOptions) -> Figure {
        var options = options
        options.axes = .independent
        let alphas = charts.flatMap { $0.series.flatMap { $0.points.map(\.alpha) } }
        let logarithmic = Self.isLogarithmic(alphas)
        // One colour a series label, in order of first appearance: the measured series by the palette, references grey.
        var colors: [String: Color] = [:]
        var entries: [Legend.Entry] = []
        var next = 0
        for series in charts.flatMap(\.series) where colors[series.label] == nil {
            let color = series.color ?? (series.isReference ? Color(grey: 0.35) : options.palette[next])
            if series.color == nil && !series.isReference { next += 1 }
            colors[series.label] = color
            entries.append(Legend.Entry(label: series.label, color: color, symbol: .line(dash: series.isReference ? Self.referenceDash : [])))
        }
        let rowCount = (charts.count + columns - 1) / columns
        let rows = (0..<rowCount).map { row in
            let panels = ((row * columns)..<min((row + 1) * columns, charts.count)).map { index in
                panel(charts[index], colors: colors, logarithmic: logarithmic,
                      xLabel: index + columns >= charts.count ? "label smoothing α" : nil)
            }
            return Figure.Row(panels: panels, legend: row == 0 ? Legend(entries: entries) : nil)
        }
        return Figure(rows: rows, options: options)
    }

    /// One chart's panel: each series a polyline in α order (log10 α on a logarithmic
    /// axis, whose ticks then read as powers of ten), with a marker a point unless it is a reference.
    private func panel(_ chart: Chart, colors: [String: Color], logarithmic: Bool, xLabel: String?) -> Panel {
        var marks: [Mark] = []
        var styles: [ClassStyle] = []
        for series in chart.series {
            let points = series.points.filter { $0.value.isFinite && (!logarithmic || $0.alpha > 0) }.sorted { $0.alpha < $1.alpha }
            let color = colors[series.label]!
            let x = points.map { logarithmic ? log10($0.alpha) : $0.alpha }, y = points.map(\.value)
            marks.append(.path(PathMark(
                points: zip(x, y).map { Point(x: $0, y: $1) },
                stroke: Stroke(color: color, width: series.isReference ? 1 : 1.4, dash: series.isReference ? Self.referenceDash : []))))
            if !series.isReference {
                styles.append(ClassStyle(name: series.label, color: color))
                marks.append(.scatter(Scatter(x: x, y: y, classIndex: Array(repeating: styles.count - 1, count: x.count),
                                              diameter: 4.5, alpha: 1)))
            }
        }
        var panel = Panel(title: chart.title, classes: styles, marks: marks, aspect: .free, xLabel: xLabel)
        panel.xAxisScale = logarithmic ? .logarithmic : .linear
        return panel
    }
}
