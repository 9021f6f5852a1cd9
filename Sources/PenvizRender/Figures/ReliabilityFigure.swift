import PenvizCore

/// Reliability diagrams in the familiar form of calibration papers (Guo et al.
/// 2017, Figure 1; Müller et al. 2019, Figure 2): confidence across, accuracy up,
/// both 0–1, one bar per non-empty bin showing the bin's accuracy, the gap from
/// that accuracy to the bin's mean confidence hatched in red, the
/// diagonal of perfect calibration dashed, and the notes (ECE, MCE) written in
/// the upper left corner. Under each diagram a short panel shows what share of
/// the examples each bin holds, so a reader sees where the mass is.
///
/// Each row of diagrams is followed by the row of their histograms. `penviz
/// calibrate` draws one column per run: the run before temperature scaling on
/// top, after it below.
///
/// ```swift
/// let figure = ReliabilityFigure(rows: [
///     [.init(title: "hard · test", reliability: before.reliability, notes: ["ECE 0.0347"])],
///     [.init(title: "after T = 1.53", reliability: after.reliability, notes: ["ECE 0.0101"])],
/// ]).figure(options: FigureOptions(width: 400, height: 700))
/// try figure.write(to: "reliability.pdf")
/// ```
public struct ReliabilityFigure: Sendable {
    /// One reliability diagram and what the panel says about it.
    public struct Diagram: Sendable {
        /// The panel title, such as `hard · test`.
        public var title: String
        /// The bins to draw.
        public var reliability: ReliabilityDiagram
        /// Lines written in the upper left corner of the plot, such as `ECE 0.0347`.
        public var notes: [String]

        /// A diagram from its parts.
        public init(title: String, reliability: ReliabilityDiagram, notes: [String] = []) {
            self.title = title
            self.reliability = reliability
            self.notes = notes
        }
    }

    /// The rows of diagrams, top to bottom; each is followed by its histograms.
    public var rows: [[Diagram]]

    /// A figure of `rows` of diagrams.
    public init(rows: [[Diagram]]) {
        precondition(!rows.isEmpty && rows.allSatisfy { !$0.isEmpty }, "ReliabilityFigure: needs diagrams in every row")
        self.rows = rows
    }

    /// The colour of the accuracy bars.
    public static let accuracyColor = Color(hex: 0x0072B2)
    /// The colour of the gap between accuracy and mean confidence.
    public static let gapColor = Color(hex: 0xD55E00)
    /// The colour of the histogram bars.
    public static let histogramColor = Color(grey: 0.55)
    /// A histogram row's height relative to a row of diagrams.
    static let histogramHeight = 0.4

    /// The key to the bars and the diagonal.
    public static let legend = Legend(entries: [
        .init(label: "accuracy", color: accuracyColor, symbol: .box),
        .init(label: "gap to mean confidence", color: gapColor.withAlpha(0.35), symbol: .box),
        .init(label: "perfect calibration", color: Color(grey: 0.3), symbol: .line),
    ])

    /// A page that gives each diagram a plot area of about 245 points square.
    public static func pageSize(columns: Int, rows: Int) -> Size {
        Size(width: Double(columns) * 280 + 170, height: Double(rows) * 385 + 20)
    }

    /// The figure: each row of diagrams, then a row of their histograms, with
    /// the legend beside the first row and independent axes fixed at 0–1
    /// (histograms 0–100 %). The vertical axis labels go on the first column only.
    public func figure(options: FigureOptions) -> Figure {
        var options = options
        options.axes = .independent
        var figureRows: [Figure.Row] = []
        for (index, diagrams) in rows.enumerated() {
            figureRows.append(Figure.Row(
                panels: diagrams.enumerated().map { column, diagram in
                    Self.diagramPanel(diagram, yLabel: column == 0 ? "accuracy" : nil)
                },
                legend: index == 0 ? Self.legend : nil))
            figureRows.append(Figure.Row(
                panels: diagrams.enumerated().map { column, diagram in
                    Self.histogramPanel(diagram.reliability, yLabel: column == 0 ? "% of examples" : nil)
                },
                heightWeight: Self.histogramHeight))
        }
        return Figure(rows: figureRows, options: options)
    }

    /// The reliability diagram's panel: accuracy bars, hatched gap bars, the diagonal and the notes.
    public static func diagramPanel(_ diagram: Diagram, yLabel: String? = "accuracy") -> Panel {
        var marks: [Mark] = []
        var gaps: [(x: ClosedRange<Double>, y: ClosedRange<Double>)] = []
        var overconfident: [Bool] = []
        for bin in diagram.reliability.bins {
            guard let accuracy = bin.accuracy, let confidence = bin.confidence else { continue }
            marks.append(.path(.rectangle(
                x: bin.lower...bin.upper, y: 0...accuracy, fill: accuracyColor.withAlpha(0.85),
                stroke: Stroke(color: Color(hex: 0x004A75), width: 0.5))))
            gaps.append((bin.lower...bin.upper, min(accuracy, confidence)...max(accuracy, confidence)))
            overconfident.append(confidence > accuracy)
        }
        // Gaps go over every bar, so a neighbour's outline never cuts across one. A gap above
        // its bar (over-confidence) gets the legend's light tint; one inside its bar
        // (under-confidence) is lightened with white instead, since the tint and hatching
        // over the blue would read as a dark third colour the legend does not show.
        for (gap, isAbove) in zip(gaps, overconfident) {
            let fill = isAbove ? gapColor.withAlpha(0.18) : Color(grey: 1, alpha: 0.55)
            marks.append(.path(.rectangle(x: gap.x, y: gap.y, fill: fill)))
        }
        marks.append(.segments(hatching(gaps, spacing: 0.025, stroke: Stroke(color: gapColor.withAlpha(0.9), width: 0.5))))
        for gap in gaps {
            marks.append(.path(.rectangle(x: gap.x, y: gap.y, stroke: Stroke(color: gapColor, width: 0.6))))
        }
        marks.append(.path(PathMark(
            points: [Point(x: 0, y: 0), Point(x: 1, y: 1)], stroke: Stroke(color: Color(grey: 0.3), width: 0.8, dash: [3, 2]))))
        // The notes sit on a translucent white card, so a tall bar under them never hides them.
        // The axes run 0…1, so data and frame fractions agree.
        if !diagram.notes.isEmpty {
            let bottom = 0.965 - 0.075 * Double(diagram.notes.count) - 0.005
            marks.append(.path(.rectangle(
                x: 0.015...0.7, y: bottom...0.985, fill: Color(grey: 1, alpha: 0.88),
                stroke: Stroke(color: Color(grey: 0.75), width: 0.5))))
        }
        for (line, note) in diagram.notes.enumerated() {
            marks.append(.text(TextMark(
                note, at: .frame(x: 0.035, y: 0.965 - 0.075 * Double(line)), anchor: TextAnchor(.leading, .top),
                font: Font(size: 8), halo: .white)))
        }
        return Panel(title: diagram.title, marks: marks, aspect: .free, xLimits: 0...1, yLimits: 0...1, yLabel: yLabel)
    }

    /// Diagonal hatching ("/") of `rectangles` in data coordinates: the lines
    /// x − y = k·`spacing` for every integer k, cut to each rectangle, so the
    /// hatching of neighbouring rectangles lines up.
    static func hatching(_ rectangles: [(x: ClosedRange<Double>, y: ClosedRange<Double>)], spacing: Double,
                         stroke: Stroke) -> Segments {
        var starts: [Point] = [], ends: [Point] = []
        for rectangle in rectangles {
            // The line y = x − c crosses the rectangle where x ∈ [y0 + c, y1 + c] ∩ [x0, x1].
            let first = ((rectangle.x.lowerBound - rectangle.y.upperBound) / spacing).rounded(.up)
            let last = ((rectangle.x.upperBound - rectangle.y.lowerBound) / spacing).rounded(.down)
            guard first <= last else { continue }
            for k in stride(from: first, through: last, by: 1) {
                let c = k * spacing
                let from = max(rectangle.x.lowerBound, rectangle.y.lowerBound + c)
                let to = min(rectangle.x.upperBound, rectangle.y.upperBound + c)
                guard from < to else { continue }
                starts.append(Point(x: from, y: from - c))
                ends.append(Point(x: to, y: to - c))
            }
        }
        return Segments(starts: starts, ends: ends, stroke: stroke)
    }

    /// The histogram under a diagram: each bin's share of the examples, in percent.
    public static func histogramPanel(_ reliability: ReliabilityDiagram, yLabel: String? = "% of examples") -> Panel {
        let total = Double(reliability.bins.reduce(0) { $0 + $1.count })
        let marks = reliability.bins.filter { $0.count > 0 }.map { bin in
            Mark.path(.rectangle(
                x: bin.lower...bin.upper, y: 0...(100 * Double(bin.count) / total), fill: histogramColor,
                stroke: Stroke(color: .white, width: 0.4)))
        }
        return Panel(marks: marks, aspect: .free, xLimits: 0...1, yLimits: 0...100, xLabel: "confidence", yLabel: yLabel)
    }
}
