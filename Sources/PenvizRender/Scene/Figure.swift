/// A page of panels laid out in a grid: the whole picture penviz writes to a file.
///
/// Rows hold panels left to right; each row may carry a label at its left (the
/// paper labels rows with their class triplet) and a legend at its right. Column
/// headers name the columns above the first row. ``FigureLayout`` places
/// everything; ``write(to:)`` draws it to PNG, SVG or PDF.
///
/// The paper's Figure 1 for one triplet, hard and smoothed runs side by side:
///
/// ```swift
/// let classes = ClassStyle.slots(["cat", "dog", "frog"])
/// func panel(_ title: String, _ points: Scatter) -> Panel {
///     .templatePlane(title: title, classes: classes, points: points, templates: templates)
/// }
/// let figure = Figure(
///     rows: [.init(label: "cat · dog · frog",
///                  panels: [panel("train", hardTrain), panel("val", hardVal),
///                           panel("train", smoothTrain), panel("val", smoothVal)],
///                  legend: Legend(classes: classes))],
///     columnHeaders: ["hard", "hard", "smoothed", "smoothed"],
///     options: FigureOptions(width: 720, height: 220))
/// try figure.write(to: "figure1.pdf")
/// ```
public struct Figure: Equatable, Sendable {
    /// One row of the grid.
    public struct Row: Equatable, Sendable {
        /// A label at the left of the row, set vertically.
        public var label: String?
        /// The panels, left to right.
        public var panels: [Panel]
        /// The legend at the right of the row.
        public var legend: Legend?
        /// The row's share of the grid height relative to the other rows.
        public var heightWeight: Double

        /// A row from its parts.
        public init(label: String? = nil, panels: [Panel], legend: Legend? = nil, heightWeight: Double = 1) {
            precondition(heightWeight > 0, "Figure.Row: heightWeight must be positive")
            self.label = label
            self.panels = panels
            self.legend = legend
            self.heightWeight = heightWeight
        }
    }

    /// The rows, top to bottom.
    public var rows: [Row]
    /// Headers above the columns, left to right; empty for none. Equal
    /// neighbouring headers merge into one centred over their columns, so a run's
    /// label can span its splits: `["hard", "hard", "smoothed", "smoothed"]`.
    public var columnHeaders: [String]
    /// Page size, look and axis sharing.
    public var options: FigureOptions

    /// A figure from its rows.
    public init(rows: [Row], columnHeaders: [String] = [], options: FigureOptions = FigureOptions()) {
        self.rows = rows
        self.columnHeaders = columnHeaders
        self.options = options
    }

    /// The number of columns: the most panels in any row.
    public var columnCount: Int { rows.map(\.panels.count).max() ?? 0 }
}
