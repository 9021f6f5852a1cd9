import PenvizCore

/// The room each cell keeps around its plot area for titles, ticks, labels and
/// captions. Cells of one row share their top and bottom margins and cells of one
/// column their left and right ones, so plot areas line up across the grid while
/// a row without axis labels (say, the upper panels of a reliability diagram)
/// does not keep room for them.
struct CellMargins {
    /// Above each row's plot areas: the panel title, or half a tick label so the
    /// top label fits.
    let top: [Double]
    /// Below each row's plot areas: ticks, tick labels, axis label, caption.
    let bottom: [Double]
    /// Left of each column's widest vertical tick label: ticks, gaps and the axis label.
    let leftWithoutTickLabels: [Double]
    /// Each panel's caption broken into lines that fit its cell (at most ``captionMaxLines``), by row and column.
    let captionLines: [[[String]]]
    /// Each column's widest vertical tick label assumed so far.
    var yTickLabelWidth: [Double]
    /// How far each column's last horizontal tick label may reach past the plot area.
    var rightOverhang: [Double]
    let theme: Theme

    /// The most lines a caption takes: a longer one is cut on its last line.
    static let captionMaxLines = 2

    /// Margins for `figure`'s panels in `cells`, starting from a guess for the tick labels.
    init(figure: Figure, cells: [[Rect]], theme: Theme, metrics: some FontMetrics) {
        let tickLabelHeight = metrics.measure("0", in: theme.tickFont).height
        let titleHeight = metrics.measure("Hg", in: theme.panelTitleFont).height
        let axisLabelHeight = metrics.measure("Hg", in: theme.axisLabelFont).height
        let captionHeight = metrics.measure("Hg", in: theme.captionFont).height
        top = figure.rows.map { row in
            row.panels.contains { $0.title != nil } ? titleHeight + theme.panelTitleGap : tickLabelHeight / 2
        }
        leftWithoutTickLabels = (0..<figure.columnCount).map { column in
            let labelled = figure.rows.contains { $0.panels.indices.contains(column) && $0.panels[column].yLabel != nil }
            return theme.tickLength + theme.tickLabelGap + (labelled ? axisLabelHeight + theme.axisLabelGap : 0)
        }
        let guess = metrics.measure("0.0", in: theme.tickFont).width
        yTickLabelWidth = Array(repeating: guess, count: figure.columnCount)
        rightOverhang = Array(repeating: guess / 2, count: figure.columnCount)
        self.theme = theme
        // A caption is centred under its plot area, which sits off the cell's centre by
        // half the difference of its side margins: it gets the width that stays in the cell.
        let offCentre = leftWithoutTickLabels.map { left in abs(left + guess - guess / 2) }
        captionLines = zip(figure.rows, cells).map { row, cells in
            zip(row.panels, zip(offCentre, cells)).map { panel, placement in
                panel.caption.map {
                    PlacedText.wrapped($0, maxWidth: placement.1.width - placement.0, maxLines: Self.captionMaxLines,
                                       font: theme.captionFont, metrics: metrics)
                } ?? []
            }
        }
        bottom = zip(figure.rows, captionLines).map { row, captions in
            let lines = captions.map(\.count).max() ?? 0
            return theme.tickLength + theme.tickLabelGap + tickLabelHeight
                + (row.panels.contains { $0.xLabel != nil } ? theme.axisLabelGap + axisLabelHeight : 0)
                + (lines > 0 ? theme.captionGap + Double(lines) * captionHeight : 0)
        }
    }

    /// The plot area inside the cell at `row`, `column`: at least the theme's
    /// smallest plot area, even when the margins leave less (the layout then
    /// reports the page too small, see ``shortfall(of:row:column:)``).
    func frame(in cell: Rect, row: Int, column: Int) -> Rect {
        let inner = cell.inset(top: top[row], left: leftWithoutTickLabels[column] + yTickLabelWidth[column],
                               bottom: bottom[row], right: rightOverhang[column])
        return Rect(x: inner.minX, y: inner.minY, width: max(inner.width, theme.minimumPlotSide),
                    height: max(inner.height, theme.minimumPlotSide))
    }

    /// How much wider and taller `cell` (at `row`, `column`) must be for its margins
    /// and the theme's smallest plot area; zero when it is large enough.
    func shortfall(of cell: Rect, row: Int, column: Int) -> Size {
        let across = leftWithoutTickLabels[column] + yTickLabelWidth[column] + rightOverhang[column]
        return Size(width: max(0, across + theme.minimumPlotSide - cell.width),
                    height: max(0, top[row] + bottom[row] + theme.minimumPlotSide - cell.height))
    }

    /// Lays out every panel in its cell, widening each column's tick-label
    /// margins until every label fits. Margins only grow, so this ends; four
    /// rounds are plenty (a wider margin rarely changes the tick step, and then
    /// only once).
    mutating func fit(figure: Figure, cells: [[Rect]], metrics: some FontMetrics) -> [[PanelLayout]] {
        var layouts: [[PanelLayout]] = []
        for _ in 0..<4 {
            layouts = place(figure: figure, cells: cells, metrics: metrics)
            var fits = true
            for row in layouts {
                for (column, panel) in row.enumerated() {
                    let width = panel.yTickLabels.map(\.bounds.width).max() ?? 0
                    let overhang = (panel.xTickLabels.map(\.bounds.maxX).max() ?? 0) - panel.frame.maxX
                    if width > yTickLabelWidth[column] + 1e-9 || overhang > rightOverhang[column] + 1e-9 { fits = false }
                    yTickLabelWidth[column] = max(yTickLabelWidth[column], width)
                    rightOverhang[column] = max(rightOverhang[column], overhang)
                }
            }
            if fits { break }
        }
        return layouts
    }

    /// One round of layout with the current margins.
    private func place(figure: Figure, cells: [[Rect]], metrics: some FontMetrics) -> [[PanelLayout]] {
        let frames = cells.enumerated().map { row, cells in
            cells.enumerated().map { column, cell in frame(in: cell, row: row, column: column) }
        }
        let limits = AxisLimits.solve(
            for: figure, frames: frames, padding: theme.dataPadding,
            markerReach: theme.templateDiameter(pointSize: figure.options.pointSize) / 2 + 1)
        // One tick rule a figure: density chosen for the narrowest plot area of the
        // figure and the shortest of each row (rows differ in height on purpose).
        let narrowest = frames.joined().map(\.width).min() ?? 0
        return figure.rows.indices.map { row in
            let room = Size(width: narrowest, height: frames[row].map(\.height).min() ?? 0)
            return figure.rows[row].panels.indices.map { column in
                layout(figure.rows[row].panels[column], cell: cells[row][column], captionLines: captionLines[row][column],
                       transform: DataTransform(limits: limits[row][column], frame: frames[row][column]), tickRoom: room,
                       yLabelX: frames[row][column].minX - leftWithoutTickLabels[column] - yTickLabelWidth[column],
                       pointSize: figure.options.pointSize, metrics: metrics)
            }
        }
    }

    /// Places one panel's ticks and labels around its plot area, with tick density
    /// chosen for a plot area of size `tickRoom`, and its caption as `captionLines`.
    /// The vertical axis label's left edge is at `yLabelX`.
    private func layout(_ panel: Panel, cell: Rect, captionLines: [String], transform: DataTransform, tickRoom: Size,
                        yLabelX: Double, pointSize: Double, metrics: some FontMetrics) -> PanelLayout {
        let frame = transform.frame
        var ticks = Ticks.forPlotArea(limits: transform.limits, room: tickRoom, aspect: panel.aspect,
                                      theme: theme, metrics: metrics)
        switch panel.xAxisScale {
        case .linear: break
        case .logarithmic: ticks.x = Ticks(powersOfTenIn: transform.limits.x, step: ticks.x.step)
        case .categorical: ticks.x = .none
        }
        func text(_ string: String, _ position: Point, _ anchor: TextAnchor, _ font: Font, _ color: Color,
                  _ orientation: PlacedText.Orientation = .horizontal, maxWidth: Double? = nil) -> PlacedText {
            PlacedText(string, at: position, anchor: anchor, font: font, color: color, orientation: orientation,
                       maxWidth: maxWidth, metrics: metrics)
        }
        let tickLabelTop = frame.maxY + theme.tickLength + theme.tickLabelGap
        let xTickLabels = zip(ticks.x.values, ticks.x.labels).map { value, label in
            text(label, Point(x: transform.page(x: value, y: 0).x, y: tickLabelTop), TextAnchor(.center, .top),
                 theme.tickFont, theme.tickLabelColor)
        }
        let yTickLabels = zip(ticks.y.values, ticks.y.labels).map { value, label in
            text(label, Point(x: frame.minX - theme.tickLength - theme.tickLabelGap, y: transform.page(x: 0, y: value).y),
                 TextAnchor(.trailing, .middle), theme.tickFont, theme.tickLabelColor)
        }
        var below = tickLabelTop + metrics.measure("0", in: theme.tickFont).height
        let xLabel = panel.xLabel.map { label in
            defer { below += theme.axisLabelGap + metrics.measure("Hg", in: theme.axisLabelFont).height }
            return text(label, Point(x: frame.center.x, y: below + theme.axisLabelGap), TextAnchor(.center, .top),
                        theme.axisLabelFont, theme.textColor, maxWidth: cell.width)
        }
        let lineHeight = metrics.measure("Hg", in: theme.captionFont).height
        let caption = captionLines.enumerated().map { index, line in
            var placed = text(line, Point(x: frame.center.x, y: below + theme.captionGap + Double(index) * lineHeight),
                              TextAnchor(.center, .top), theme.captionFont, theme.textColor, maxWidth: cell.width)
            // Centred under the plot area, but never past the cell's sides, into the neighbour's caption.
            let shift = max(0, cell.minX - placed.bounds.minX) - max(0, placed.bounds.maxX - cell.maxX)
            placed.position.x += shift
            placed.bounds.origin.x += shift
            return placed
        }
        let yLabel = panel.yLabel.map { label in
            text(label, Point(x: yLabelX + metrics.measure("Hg", in: theme.axisLabelFont).height, y: frame.center.y),
                 TextAnchor(.center, .bottom), theme.axisLabelFont, theme.textColor, .upward, maxWidth: cell.height)
        }
        let title = panel.title.map { title in
            text(title, Point(x: frame.center.x, y: frame.minY - theme.panelTitleGap), TextAnchor(.center, .bottom),
                 theme.panelTitleFont, theme.textColor, maxWidth: cell.width)
        }
        return PanelLayout(panel: panel, cell: cell, transform: transform, xTicks: ticks.x, yTicks: ticks.y,
                           xTickLabels: xTickLabels, yTickLabels: yTickLabels, title: title,
                           xLabel: xLabel, yLabel: yLabel, caption: caption,
                           templateLabels: templateLabels(panel, transform: transform, pointSize: pointSize, metrics: metrics),
                           markTexts: markTexts(panel, transform: transform, metrics: metrics))
    }

    /// The panel's text marks placed on the page at the theme's font scale, each
    /// set smaller when wider than its ``TextMark/fitWidth`` and left out when it
    /// would have to be smaller than ``TextMark/smallestFontSize``.
    private func markTexts(_ panel: Panel, transform: DataTransform, metrics: some FontMetrics) -> [PanelLayout.MarkText] {
        let frame = transform.frame
        return panel.marks.compactMap { mark in
            guard case .text(let mark) = mark else { return nil }
            let position: Point
            switch mark.position {
            case .data(let point): position = transform.page(point)
            case .frame(let x, let y): position = Point(x: frame.minX + x * frame.width, y: frame.maxY - y * frame.height)
            }
            var font = theme.scaled(mark.font)
            if let fitWidth = mark.fitWidth {
                let room = fitWidth * abs(transform.xScale), width = metrics.measure(mark.text, in: font).width
                if width > room {
                    font.size *= room / width
                    guard font.size >= TextMark.smallestFontSize else { return nil }
                }
            }
            return PanelLayout.MarkText(
                text: PlacedText(mark.text, at: position, anchor: mark.anchor, font: font, color: mark.color, metrics: metrics),
                halo: mark.halo)
        }
    }

    /// Labels beside the panel's templates (``TemplateLabels``).
    private func templateLabels(_ panel: Panel, transform: DataTransform, pointSize: Double,
                                metrics: some FontMetrics) -> [PlacedText] {
        let templates = panel.marks.compactMap { mark -> TemplateMarker? in
            if case .template(let template) = mark { return template }
            return nil
        }
        return TemplateLabels(
            names: templates.map { $0.label ?? panel.classes[$0.classIndex].name },
            centers: templates.map { transform.page($0.position) },
            markerRadius: theme.templateDiameter(pointSize: pointSize) / 2, frame: transform.frame, theme: theme
        ).placed(metrics: metrics)
    }
}
