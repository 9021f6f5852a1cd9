import PenvizCore

/// Why label smoothing erases information (the paper's Section 4), one panel a
/// run: every example is a short vertical stroke at its mean logit difference
/// μ_x = mean_l f_{x,l} across, spanning the smallest to the largest of its L
/// augmented differences f_{x,l} = z_a − z_b up. The dashed diagonal is f = μ.
///
/// Î is high when the strokes are short next to the spread of their positions
/// (each example is recognisable from one pass) and low when they overlap. A
/// label-smoothed network pulls every example of a class to the same logit
/// difference, so its strokes pile up on a few positions and cover each other.
/// Panels share one scale with equal aspect, so the collapse is visible at a glance.
///
/// ```swift
/// let figure = ErasureFigure(
///     classNames: ["T-shirt/top", "Shirt"], axisNames: ("T-shirt/top", "Shirt"),
///     columns: [.init(title: "hard · Î = 2.47", differences: f, classIndex: slots)]
/// ).figure(options: FigureOptions(width: 600, height: 320))
/// ```
public struct ErasureFigure: Sendable {
    /// One run's panel.
    public struct Column: Sendable {
        /// The panel title, such as `hard · Î = 2.47 of ln N = 6.40`.
        public var title: String
        /// A line under the panel, such as `σ² = 3.16 · N = 600 · L = 5`.
        public var caption: String?
        /// `f_{x,l}`: N rows (examples) × L columns (passes).
        public var differences: Matrix
        /// Each example's index in ``ErasureFigure/classNames`` (that count for another class);
        /// nil draws every stroke in one grey.
        public var classIndex: [Int]?

        /// A column from its parts.
        public init(title: String, caption: String? = nil, differences: Matrix, classIndex: [Int]? = nil) {
            precondition(classIndex.map { $0.count == differences.rows } ?? true,
                         "ErasureFigure: \(classIndex?.count ?? 0) class indices for \(differences.rows) examples")
            self.title = title
            self.caption = caption
            self.differences = differences
            self.classIndex = classIndex
        }
    }

    /// The classes that ``Column/classIndex`` refers to, for the legend; coloured by
    /// slot from the options' palette.
    public var classNames: [String]
    /// Whether some strokes belong to neither class: their index is `classNames.count`,
    /// and they are drawn in ``otherClassesColor``.
    public var hasOtherClasses: Bool
    /// The two classes whose logits are subtracted, a then b, for the axis labels.
    public var axisNames: (a: String, b: String)
    /// The panels, left to right.
    public var columns: [Column]

    /// The colour of strokes without a class.
    public static let unlabelledColor = Color(grey: 0.25)
    /// The colour of strokes of a class other than a and b.
    public static let otherClassesColor = Color(grey: 0.6)
    /// The width of a stroke in points.
    static let strokeWidth = 0.7
    /// The opacity of a stroke, so piled-up strokes read darker.
    static let strokeAlpha = 0.55

    /// A figure of `columns` for the classes named `axisNames`, their strokes
    /// coloured by `classNames` (and grey for other classes when `hasOtherClasses`).
    public init(classNames: [String], hasOtherClasses: Bool = false, axisNames: (a: String, b: String), columns: [Column]) {
        precondition(!columns.isEmpty, "ErasureFigure: needs at least one column")
        self.classNames = classNames
        self.hasOtherClasses = hasOtherClasses
        self.axisNames = axisNames
        self.columns = columns
    }

    /// A page that gives each panel a plot area of about 230 points square.
    public static func pageSize(columns: Int) -> Size {
        Size(width: Double(columns) * 265 + 150, height: 330)
    }

    /// The class styles of the strokes with `palette`: a and b by slot, then the other classes in grey.
    public func classes(_ palette: Palette) -> [ClassStyle] {
        ClassStyle.slots(classNames, palette: palette)
            + (hasOtherClasses ? [ClassStyle(name: "other classes", color: Self.otherClassesColor)] : [])
    }

    /// The figure: one row of panels with shared, equal-aspect axes and, when
    /// any column has classes, a legend of them.
    public func figure(options: FigureOptions) -> Figure {
        var options = options
        options.axes = .shared
        let classes = classes(options.palette)
        let values = columns.flatMap(\.differences.values)
        let range = (values.min() ?? 0)...(values.max() ?? 0)
        let panels = columns.enumerated().map { index, column in
            panel(column, classes: classes, diagonal: range,
                  yLabel: index == 0 ? "z(\(axisNames.a)) − z(\(axisNames.b)), each pass" : nil)
        }
        let labelled = columns.contains { $0.classIndex != nil }
        let legend = labelled ? Legend(entries: classes.map { Legend.Entry(label: $0.name, color: $0.color, symbol: .line()) }) : nil
        return Figure(rows: [Figure.Row(panels: panels, legend: legend)], options: options)
    }

    /// One run's panel: a stroke per example from min to max of its differences
    /// at x = their mean, coloured by `classes`, over the diagonal f = μ drawn across `diagonal`.
    public func panel(_ column: Column, classes: [ClassStyle], diagonal: ClosedRange<Double>, yLabel: String?) -> Panel {
        let f = column.differences
        var starts = [[Point]](repeating: [], count: max(1, classes.count))
        var ends = starts
        for x in 0..<f.rows {
            let row = f.row(x)
            // μ_x = (1/L) Σ_l f_{x,l}
            let mean = row.reduce(0, +) / Double(row.count)
            let group = column.classIndex?[x] ?? 0
            starts[group].append(Point(x: mean, y: row.min()!))
            ends[group].append(Point(x: mean, y: row.max()!))
        }
        let colors = column.classIndex == nil ? [Self.unlabelledColor] : classes.map(\.color)
        var marks: [Mark] = [.path(PathMark(
            points: [Point(x: diagonal.lowerBound, y: diagonal.lowerBound), Point(x: diagonal.upperBound, y: diagonal.upperBound)],
            stroke: Stroke(color: Color(grey: 0.55), width: 0.6, dash: [3, 2])))]
        for (group, color) in colors.enumerated() where !starts[group].isEmpty {
            marks.append(.segments(Segments(
                starts: starts[group], ends: ends[group],
                stroke: Stroke(color: color.withAlpha(Self.strokeAlpha), width: Self.strokeWidth))))
        }
        return Panel(title: column.title, caption: column.caption, classes: classes, marks: marks, aspect: .equal,
                     xLabel: "mean over passes μ", yLabel: yLabel)
    }
}
