import PenvizCore

/// The paper's Figure 1 for several runs: a row per triplet, a column per run
/// and split, the runs' labels as spanning column headers.
///
/// For a hard and a smoothed run compared on `train` and `val` the columns are
/// hard·train, hard·val, smoothed·train, smoothed·val; the headers read `hard`
/// over the first two and `smoothed` over the last two, and each panel is titled
/// with its split. Each row is labelled with its triplet at the left, carries its
/// own legend, and draws the triplet on the plane of each column's run.
///
/// ```swift
/// let grid = ComparisonGrid(
///     columns: [.init(header: "hard", run: hard, split: hard.split(named: "val")!),
///               .init(header: "smoothed", run: smoothed, split: smoothed.split(named: "val")!)],
///     rows: [.init(label: "cat · dog · frog", planes: [hardPlane, smoothedPlane],
///                  captions: ["tightness 0.42", "tightness 0.17"])],
///     panels: PlanePanels(perClass: 500))
/// try grid.figure(options: FigureOptions(width: 600, height: 300)).write(to: "compare.pdf")
/// ```
public struct ComparisonGrid: Sendable {
    /// One column of the grid: one split of one run.
    public struct Column: Sendable {
        /// The header above the column: the run's label. Neighbouring columns of
        /// the same run share one spanning header.
        public var header: String
        /// The run the column shows.
        public var run: Run
        /// The split the column shows; its name titles the column's panels.
        public var split: Split

        /// A column from its parts.
        public init(header: String, run: Run, split: Split) {
            self.header = header
            self.run = run
            self.split = split
        }
    }

    /// One row of the grid: a triplet.
    public struct Row: Sendable {
        /// The label at the left of the row, such as the triplet's class names.
        public var label: String
        /// The triplet's plane in each column's run, one per column; all on the same triplet.
        public var planes: [TemplatePlane]
        /// A caption under each panel (such as its tightness), one per column; nil for none.
        public var captions: [String?]

        /// A row from its parts.
        public init(label: String, planes: [TemplatePlane], captions: [String?]) {
            self.label = label
            self.planes = planes
            self.captions = captions
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
            precondition(row.planes.count == columns.count && row.captions.count == columns.count,
                         "ComparisonGrid: row '\(row.label)' has \(row.planes.count) planes and \(row.captions.count) captions for \(columns.count) columns")
            precondition(Set(row.planes.map(\.triplet)).count == 1, "ComparisonGrid: row '\(row.label)' mixes triplets")
        }
        self.columns = columns
        self.rows = rows
        self.panels = panels
    }

    /// The figure with `options`: column headers from the columns, panel titles
    /// from the splits, and per row its label, its panels and a legend of its
    /// three classes (coloured by slot, named as in the first column's run).
    public func figure(options: FigureOptions) -> Figure {
        let figureRows = rows.map { row in
            let classes = PlanePanels.classes(of: row.planes[0], in: columns[0].run)
            let rowPanels = zip(columns, zip(row.planes, row.captions)).map { column, planeAndCaption in
                panels.panel(
                    split: column.split, plane: planeAndCaption.0, classes: classes, title: column.split.name,
                    caption: planeAndCaption.1)
            }
            return Figure.Row(label: row.label, panels: rowPanels, legend: Legend(classes: classes))
        }
        return Figure(rows: figureRows, columnHeaders: columns.map(\.header), options: options)
    }
}
