/// One plot of a figure: a titled plot area with axes, ticks and marks.
///
/// A panel of the paper's Figure 1 is one run, one split and one triplet: a
/// ``Scatter`` of the projected points and three ``TemplateMarker``s. Build that
/// one with ``templatePlane(title:classes:points:templates:)``.
public struct Panel: Equatable, Sendable {
    /// How data units map to page distances.
    public enum Aspect: Equatable, Sendable {
        /// One data unit is as long across as it is up: distances in the plot mean
        /// distances in the plane. The data limits grow to fill the plot area.
        case equal
        /// Each axis scales on its own to fill the plot area (reliability diagrams, histograms).
        case free
    }

    /// The title above the plot area, such as `hard · train`.
    public var title: String?
    /// A short line under the axis, such as a metric.
    public var caption: String?
    /// The classes that marks refer to by index.
    public var classes: [ClassStyle]
    /// The marks, drawn in order.
    public var marks: [Mark]
    /// How the horizontal axis reads its data.
    public enum AxisScale: Equatable, Sendable {
        /// Data are the values.
        case linear
        /// Data are log10 of the values: ticks fall on whole powers of ten and are labelled with the values.
        case logarithmic
        /// Data are the positions 0, 1, 2… of things told apart by colour and legend
        /// (the runs of a bar chart): no ticks or tick labels across.
        case categorical
    }

    /// Equal or free aspect.
    public var aspect: Aspect
    /// Linear, or logarithmic (the marks then hold log10 of the values).
    public var xAxisScale: AxisScale = .linear
    /// Fixed horizontal limits; `nil` fits the data (an equal aspect may widen
    /// them). Limits without width or with an infinite end are ignored.
    public var xLimits: ClosedRange<Double>?
    /// Fixed vertical limits; `nil` fits the data (an equal aspect may widen
    /// them). Limits without width or with an infinite end are ignored.
    public var yLimits: ClosedRange<Double>?
    /// The horizontal axis label.
    public var xLabel: String?
    /// The vertical axis label.
    public var yLabel: String?

    /// A panel from its parts.
    public init(title: String? = nil, caption: String? = nil, classes: [ClassStyle] = [], marks: [Mark] = [],
                aspect: Aspect = .equal, xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil,
                xLabel: String? = nil, yLabel: String? = nil) {
        self.title = title
        self.caption = caption
        self.classes = classes
        self.marks = marks
        self.aspect = aspect
        self.xLimits = xLimits
        self.yLimits = yLimits
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// A template-plane scatter: the projected `points` under the class
    /// `templates` (template `i` belongs to class `i`), with equal aspect.
    public static func templatePlane(title: String?, classes: [ClassStyle], points: Scatter,
                                     templates: [Point]) -> Panel {
        precondition(templates.count <= classes.count, "Panel: \(templates.count) templates for \(classes.count) classes")
        let markers = templates.enumerated().map { Mark.template(TemplateMarker(position: $0.element, classIndex: $0.offset)) }
        return Panel(title: title, classes: classes, marks: [.scatter(points)] + markers)
    }
}
