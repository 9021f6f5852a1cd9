import Foundation

/// Runs side by side on a few figures, one small panel a figure and one bar a run
/// (issue 19: the neural-collapse statistics of two runs, hard and smoothed).
///
/// Bars keep one colour a run across the panels, from the options' palette, and one
/// legend beside the first row names the runs; each bar carries its value above it
/// (three significant digits), so the figure reads without a scale. Bars start at 0:
/// every figure drawn this way is at least 0, and smaller is more collapsed. A value
/// that is undefined leaves its bar out and says `n/a` in its place.
///
/// ```swift
/// let figure = CollapseFigure(runs: ["hard", "smoothed"], charts: [
///     .init(title: "nc1", values: [0.41, 0.12]),
/// ]).figure(options: FigureOptions(width: 400, height: 220))
/// ```
public struct CollapseFigure: Sendable {
    /// One panel: a figure of every run.
    public struct Chart: Sendable {
        /// The panel's title, such as `nc1`.
        public var title: String
        /// One value a run, in ``CollapseFigure/runs`` order; nil when undefined.
        public var values: [Double?]

        /// A chart from its parts.
        public init(title: String, values: [Double?]) {
            self.title = title
            self.values = values
        }
    }

    /// The runs' labels, left to right in every panel.
    public var runs: [String]
    /// The panels, row by row.
    public var charts: [Chart]
    /// Panels a row.
    public var columns: Int
    /// A line under the legend, such as the split measured.
    public var note: String?

    /// A figure of `charts` for `runs`, `columns` a row (default four).
    public init(runs: [String], charts: [Chart], columns: Int = 4, note: String? = nil) {
        precondition(!runs.isEmpty && !charts.isEmpty && columns >= 1, "CollapseFigure: needs runs, charts and columns")
        precondition(charts.allSatisfy { $0.values.count == runs.count }, "CollapseFigure: a chart without one value a run")
        self.runs = runs
        self.charts = charts
        self.columns = columns
        self.note = note
    }

    /// A page of `charts` panels, `columns` a row, each wide enough for `runs` bars, with room for the legend.
    public static func pageSize(charts: Int, runs: Int, columns: Int = 4) -> Size {
        let shown = min(charts, columns), rows = (charts + columns - 1) / columns
        return Size(width: Double(shown) * (120 + 22 * Double(max(runs, 2))) + 190, height: Double(rows) * 170 + 20)
    }

    /// The figure: the panels in rows of ``columns`` and one legend of the runs beside the first row.
    public func figure(options: FigureOptions) -> Figure {
        var options = options
        options.axes = .independent
        let colors = runs.indices.map { options.palette[$0] }
        let entries = zip(runs, colors).map { Legend.Entry(label: $0, color: $1, symbol: .box) }
        let rowCount = (charts.count + columns - 1) / columns
        let rows = (0..<rowCount).map { row in
            let panels = ((row * columns)..<min((row + 1) * columns, charts.count)).map { panel(charts[$0], colors: colors) }
            return Figure.Row(panels: panels, legend: row == 0 ? Legend(entries: entries, note: note) : nil)
        }
        return Figure(rows: rows, options: options)
    }

    /// One chart's panel: a bar a run at 0, 1, 2…, 0.7 wide, its value above it.
    private func panel(_ chart: Chart, colors: [Color]) -> Panel {
        let highest = chart.values.compactMap { $0 }.filter(\.isFinite).max() ?? 0
        let top = highest > 0 ? highest * 1.2 : 1
        var marks: [Mark] = []
        for (index, value) in chart.values.enumerated() {
            let x = Double(index)
            if let value, value.isFinite {
                marks.append(.path(.rectangle(x: (x - 0.35)...(x + 0.35), y: 0...max(value, 0), fill: colors[index])))
            }
            let label = value.flatMap { $0.isFinite ? Self.label($0) : nil } ?? "n/a"
            marks.append(.text(TextMark(
                label, at: .data(Point(x: x, y: max(value ?? 0, 0) + top * 0.02)), anchor: TextAnchor(.center, .bottom),
                font: Font(size: 7), color: Color(grey: 0.2), fitWidth: 0.95)))
        }
        var panel = Panel(title: chart.title, marks: marks, aspect: .free)
        panel.xAxisScale = .categorical
        panel.xLimits = -0.6...(Double(runs.count) - 0.4)
        panel.yLimits = 0...top
        return panel
    }

    /// `value` to three significant digits (`%.3g`: `0.0412`, `1.5`, `1.23e+03`), with a true minus sign.
    static func label(_ value: Double) -> String {
        String(format: "%.3g", value).replacingOccurrences(of: "-", with: "\u{2212}")
    }
}
