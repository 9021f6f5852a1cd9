import PenvizCore

/// The paper's Figure 1 for several runs: a row per triplet, a column per run
/// and split, the runs' labels as spanning column headers.
///
/// For a hard and a smoothed run compared on `train` and `val` the columns are
/// hard·train, hard·val, smoothed·train, smoothed·val; the headers read `hard`
/// over the first two and `smoothed` over the last two, and each panel is titled
/// with its split. Each row is labelled with its triplet at the left, carries its
/// own legend, and draws the triplet's points on the plane of each column's run.
/// The points are measured beforehand (PenvizAnalysis's `Comparison` gathers
/// them from the template logits; see ``init(_:panels:)``).
///
/// ```swift
/// let grid = ComparisonGrid(
///     columns: [.init(header: "hard", title: "val"), .init(header: "smoothed", title: "val")],
///     rows: [.init(label: "cat · dog · frog", classNames: ["cat", "dog", "frog"],
///                  points: [hardPoints, smoothedPoints], captions: ["tightness 0.42", "tightness 0.17"])],
///     panels: PlanePanels(perClass: 500))
/// let pdf = try grid.figure(options: FigureOptions(width: 600, height: 300)).encoded(as: .pdf)
/// ```
public struct ComparisonGrid: Sendable {
    /// One column of the grid: one split of one run.
    public struct Column: Sendable {
        /// The header above the column: the run's label. Neighbouring columns of
        /// the same run share one spanning header.
        public var header: String
        /// The title of the column's panels: the split's name.
        public var title: String

        /// A column from its parts.
        public init(header: String, title: String) {
            self.header = header
            self.title = title
        }
    }

    /// One row of the grid: a triplet.
    public struct Row: Sendable {
        /// The label at the left of the row, such as the triplet's class names.
        public var label: String
        /// The names of the triplet's classes a, b and c, for the legend.
        public var classNames: [String]
        /// The points of each column's panel, on the triplet's plane in that column's run.
        public var points: [PlanePoints]
        /// A caption under each panel (such as its tightness), one per column; nil for none.
        public var captions: [String?]
        /// A note under the row's legend, such as why its triplet was chosen; nil for none.
        public var note: String?

        /// A row from its parts.
        public init(label: String, classNames: [String], points: [PlanePoints], captions: [String?], note: String? = nil) {
            self.label = label
            self.classNames = classNames
            self.points = points
            self.captions = captions
            self.note = note
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// The rows, top to bottom.
    public var rows: [Row]
    /// How each panel's scatter is built (sampling and its seed).
    public var panels: PlanePanels

    /// A grid of `rows` × `columns` panels.
    public init(columns: [Column], rows: [Row], panels: PlanePanels = PlanePanels()) {
        precondition(!columns.isEmpty, "ComparisonGrid: needs at least one column")
        for row in rows {
            precondition(row.points.count == columns.count && row.captions.count == columns.count,
                         "ComparisonGrid: row '\(row.label)' has \(row.points.count) panels and \(row.captions.count) captions for \(columns.count) columns")
            precondition(Set(row.points.map(\.plane.triplet)).count == 1, "ComparisonGrid: row '\(row.label)' mixes triplets")
            precondition(row.classNames.count == 3, "ComparisonGrid: row '\(row.label)' names \(row.classNames.count) classes")
        }
        self.columns = columns
        self.rows = rows
        self.panels = panels
    }

    /// The figure with `options`: column headers from the columns, panel titles
    /// from the columns, and per row its label, its panels and a legend of its
    /// three classes (coloured by slot from the options' palette) with the row's note.
    public func figure(options: FigureOptions) -> Figure {
        let figureRows = rows.map { row in
            let classes = ClassStyle.slots(row.classNames, palette: options.palette)
            let rowPanels = zip(columns, zip(row.points, row.captions)).map { column, pointsAndCaption in
                panels.panel(points: pointsAndCaption.0, classes: classes, title: column.title, caption: pointsAndCaption.1)
            }
            return Figure.Row(
                label: row.label, panels: PlanePanels.sideBySide(rowPanels), legend: Legend(classes: classes, note: row.note))
        }
        return Figure(rows: figureRows, columnHeaders: columns.map(\.header), options: options)
    }
}
