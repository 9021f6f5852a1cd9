import Foundation
import PenvizCore

/// Reliability diagrams in the familiar form of calibration papers (Guo et al.
/// 2017, Figure 1; Müller et al. 2019, Figure 2): confidence across, accuracy up,
/// both 0–1, one bar per non-empty bin showing the bin's accuracy, the gap from
/// that accuracy to the bin's mean confidence hatched (on orange above the bar
/// where the model is over-confident, on light blue inside it where it is
/// under-confident), and the diagonal of perfect calibration dashed. Bins that
/// hold under ``sparseShare`` of the examples are drawn pale, and the bin that
/// sets the MCE is marked. Under each diagram a short panel shows what share of
/// the examples each bin holds, with the count on each bar, and the notes (ECE,
/// MCE) as its caption: no text covers a bar.
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
        /// What the panel notes, such as `ECE 0.0347`: the caption under its histogram, joined by ` · `.
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

    /// The colours of the bars, from a palette: accuracy in its first colour, the
    /// gaps in its contrast colour (Okabe & Ito's blue and vermillion by default).
    public struct Colors: Equatable, Sendable {
        /// The colour of the accuracy bars.
        public var accuracy: Color
        /// The colour of the gap between accuracy and mean confidence: its hatching and outline.
        public var gap: Color

        /// The colours `palette` gives.
        public init(_ palette: Palette) {
            accuracy = palette[0]
            gap = palette.contrast
        }

        /// The outline of an accuracy bar: its colour at 65 % of the lightness.
        var barEdge: Color {
            Color(red: accuracy.red * 0.65, green: accuracy.green * 0.65, blue: accuracy.blue * 0.65)
        }

        /// The fill under the hatching of an over-confident gap (above its bar): a light tint of the gap colour.
        var overconfidentFill: Color { gap.withAlpha(0.18) }
    }

    /// The fill under the hatching of an under-confident gap (inside its bar): the bar lightened with white.
    static let underconfidentFill = Color(grey: 1, alpha: 0.55)
    /// A bin holding less than this share of the examples is drawn pale: its accuracy rests on few examples.
    public static let sparseShare = 0.01
    /// The most bins whose counts are written on the histogram (more would not fit).
    static let countedBins = 20
    /// The colour of the histogram bars.
    public static let histogramColor = Color(grey: 0.55)
    /// A histogram row's height relative to a row of diagrams.
    static let histogramHeight = 0.4
    /// The dashes of the diagonal of perfect calibration, in the panels and in the legend.
    static let diagonalDash: [Double] = [3, 2]

    /// The key to the bars, both directions of the gap, pale bins and the diagonal, in `colors`.
    public static func legend(_ colors: Colors) -> Legend {
        Legend(entries: [
            .init(label: "accuracy", color: colors.accuracy.withAlpha(0.85), symbol: .box),
            .init(label: "over-confident gap", color: colors.overconfidentFill.over(.white), symbol: .hatchedBox(colors.gap)),
            .init(label: "under-confident gap", color: underconfidentFill.over(colors.accuracy.withAlpha(0.85).over(.white)),
                  symbol: .hatchedBox(colors.gap)),
            .init(label: "bin of < 1 % of examples", color: colors.accuracy.withAlpha(0.3).over(.white), symbol: .box),
            .init(label: "perfect calibration", color: Color(grey: 0.3), symbol: .line(dash: Self.diagonalDash)),
        ])
    }

    /// A page that gives each diagram a plot area of about 245 points square.
    public static func pageSize(columns: Int, rows: Int) -> Size {
        Size(width: Double(columns) * 280 + 170, height: Double(rows) * 385 + 20)
    }

    /// The figure: each row of diagrams, then a row of their histograms captioned
    /// with the diagrams' notes, with the legend beside the first row and
    /// independent axes fixed at 0–1 (histograms 0–100 %). The vertical axis labels
    /// go on the first column only; the bars take the options' palette.
    public func figure(options: FigureOptions) -> Figure {
        var options = options
        options.axes = .independent
        let colors = Colors(options.palette)
        var figureRows: [Figure.Row] = []
        for (index, diagrams) in rows.enumerated() {
            figureRows.append(Figure.Row(
                panels: diagrams.enumerated().map { column, diagram in
                    Self.diagramPanel(diagram, yLabel: column == 0 ? "accuracy" : nil, colors: colors)
                },
                legend: index == 0 ? Self.legend(colors) : nil))
            figureRows.append(Figure.Row(
                panels: diagrams.enumerated().map { column, diagram in
                    Self.histogramPanel(
                        diagram.reliability, yLabel: column == 0 ? "% of examples" : nil,
                        caption: diagram.notes.isEmpty ? nil : diagram.notes.joined(separator: " · "))
                },
                heightWeight: Self.histogramHeight))
        }
        return Figure(rows: figureRows, options: options)
    }

    /// The reliability diagram's panel: accuracy bars (pale where sparse), hatched
    /// gap bars, the mark on the bin of the MCE, and the diagonal, in `colors`.
    public static func diagramPanel(_ diagram: Diagram, yLabel: String? = "accuracy",
                                    colors: Colors = Colors(.okabeIto)) -> Panel {
        let reliability = diagram.reliability
        let total = reliability.bins.reduce(0) { $0 + $1.count }
        var marks: [Mark] = []
        var gaps: [(x: ClosedRange<Double>, y: ClosedRange<Double>, overconfident: Bool, sparse: Bool)] = []
        for bin in reliability.bins {
            guard let accuracy = bin.accuracy, let confidence = bin.confidence else { continue }
            let sparse = Double(bin.count) < sparseShare * Double(total)
            marks.append(.path(.rectangle(
                x: bin.lower...bin.upper, y: 0...accuracy, fill: colors.accuracy.withAlpha(sparse ? 0.3 : 0.85),
                stroke: Stroke(color: colors.barEdge.withAlpha(sparse ? 0.4 : 1), width: 0.5))))
            gaps.append((bin.lower...bin.upper, min(accuracy, confidence)...max(accuracy, confidence), confidence > accuracy, sparse))
        }
        // Gaps go over every bar, so a neighbour's outline never cuts across one. A gap above
        // its bar (over-confidence) gets a light orange tint; one inside its bar
        // (under-confidence) is lightened with white instead, since the tint and hatching
        // over the blue would read as a dark third colour. The legend shows both.
        for gap in gaps {
            marks.append(.path(.rectangle(x: gap.x, y: gap.y, fill: gap.overconfident ? colors.overconfidentFill : underconfidentFill)))
        }
        for sparse in [false, true] {
            let group = gaps.filter { $0.sparse == sparse }.map { (x: $0.x, y: $0.y) }
            let color = colors.gap.withAlpha(sparse ? 0.35 : 0.9)
            marks.append(.segments(hatching(group, spacing: 0.025, stroke: Stroke(color: color, width: 0.5))))
            for gap in group {
                marks.append(.path(.rectangle(x: gap.x, y: gap.y, stroke: Stroke(color: colors.gap.withAlpha(sparse ? 0.45 : 1), width: 0.6))))
            }
        }
        marks.append(.path(PathMark(
            points: [Point(x: 0, y: 0), Point(x: 1, y: 1)], stroke: Stroke(color: Color(grey: 0.3), width: 0.8, dash: Self.diagonalDash))))
        if let worst = maximumGapBin(reliability), let accuracy = worst.accuracy, let confidence = worst.confidence {
            // "MCE" over the bin of the largest gap; inside the top of the plot when the gap reaches it.
            let top = max(accuracy, confidence), centre = (worst.lower + worst.upper) / 2
            let above = top < 0.9
            marks.append(.text(TextMark(
                "MCE", at: .data(Point(x: centre, y: above ? top + 0.015 : top - 0.015)),
                anchor: TextAnchor(.center, above ? .bottom : .top), font: Font(size: 7, weight: .bold), color: colors.gap, halo: .white)))
        }
        return Panel(
            title: diagram.title, marks: marks, aspect: .free, xLimits: 0...1, yLimits: 0...1, yLabel: yLabel)
    }

    /// The non-empty bin whose gap |accuracy − confidence| is the MCE (the first of equals).
    static func maximumGapBin(_ reliability: ReliabilityDiagram) -> ReliabilityDiagram.Bin? {
        var worst: ReliabilityDiagram.Bin?
        for bin in reliability.bins {
            // gap is signed (confidence − accuracy); the MCE is the largest |gap|.
            guard let gap = bin.gap.map(abs) else { continue }
            if worst.flatMap(\.gap).map({ gap > abs($0) }) ?? true { worst = bin }
        }
        return worst
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
            // A rectangle outside 0…1 (or not finite) gets no hatching rather than an endless stride.
            guard first.isFinite, last.isFinite, first <= last, last - first < 1e5 else { continue }
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

    /// The histogram under a diagram: each bin's share of the examples, in
    /// percent, with its count written on the bar (up to ``countedBins`` bins), and
    /// `caption` under the axis.
    public static func histogramPanel(_ reliability: ReliabilityDiagram, yLabel: String? = "% of examples",
                                      caption: String? = nil) -> Panel {
        let total = Double(reliability.bins.reduce(0) { $0 + $1.count })
        let filled = reliability.bins.filter { $0.count > 0 }
        var marks = filled.map { bin in
            Mark.path(.rectangle(
                x: bin.lower...bin.upper, y: 0...(100 * Double(bin.count) / total), fill: histogramColor,
                stroke: Stroke(color: .white, width: 0.4)))
        }
        if reliability.bins.count <= countedBins {
            for bin in filled {
                // Above a short bar; inside the top of a tall one, in white.
                let share = 100 * Double(bin.count) / total, inside = share > 72
                marks.append(.text(TextMark(
                    shortCount(bin.count), at: .data(Point(x: (bin.lower + bin.upper) / 2, y: inside ? share - 3 : share + 3)),
                    anchor: TextAnchor(.center, inside ? .top : .bottom), font: Font(size: 6),
                    color: inside ? .white : Color(grey: 0.25), fitWidth: 0.9 * (bin.upper - bin.lower))))
            }
        }
        return Panel(caption: caption, marks: marks, aspect: .free, xLimits: 0...1, yLimits: 0...100, xLabel: "confidence",
                     yLabel: yLabel)
    }

    /// A count in at most four characters: `7`, `912`, `7.6k`, `76k`, `1.2M`.
    static func shortCount(_ count: Int) -> String {
        switch count {
        case ..<1000: String(count)
        case ..<10_000: String(format: "%.1fk", Double(count) / 1000)
        case ..<1_000_000: "\(Int((Double(count) / 1000).rounded()))k"
        default: String(format: "%.1fM", Double(count) / 1_000_000)
        }
    }
}
