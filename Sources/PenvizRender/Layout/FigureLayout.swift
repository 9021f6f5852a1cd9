/// The page positions of everything in a ``Figure``, computed without drawing.
///
/// Layout runs top-down: the figure title, the column headers, the row labels
/// at the left and the legends at the right (or under each row) take their room
/// first; the rest of
/// the page is split into one cell per panel (equal widths, heights by row
/// weight). Each cell keeps margins for its title, tick labels, axis labels and
/// caption, shared along its row (top, bottom) and its column (left, right) so
/// plot areas line up across the grid. Tick labels depend on the limits, which
/// depend on the plot area, which depends on the tick labels' width: the layout
/// repeats until the widest label fits.
public struct FigureLayout: Equatable, Sendable {
    /// The page size.
    public let size: Size
    /// The figure's options: page, point style, background, grid.
    public let options: FigureOptions
    /// Panel layouts by row, left to right.
    public let rows: [[PanelLayout]]
    /// Each row's legend, when it has one.
    public let legends: [LegendLayout?]
    /// Each row's label, when it has one.
    public let rowLabels: [PlacedText?]
    /// The headers above the columns, equal neighbours merged into one.
    public let columnHeaders: [PlacedText]
    /// The figure title.
    public let title: PlacedText?
    /// The smallest page that holds every panel's margins and a plot area of the
    /// theme's smallest side, when this page is smaller; nil when the figure fits.
    public let requiredSize: Size?
    /// The look the layout was made for, which drawing follows.
    let theme: Theme

    /// Lays out `figure`, measuring text with `metrics`.
    public init(_ figure: Figure, metrics: some FontMetrics) {
        let options = figure.options
        let theme = Theme.paper.withFontScale(options.fontScale)
        self.theme = theme
        self.options = options
        size = Size(width: options.width, height: options.height)
        var area = Rect(x: 0, y: 0, width: options.width, height: options.height).inset(
            top: theme.pagePadding, left: theme.pagePadding, bottom: theme.pagePadding, right: theme.pagePadding)

        if let text = options.title {
            let placed = PlacedText(text, at: Point(x: size.width / 2, y: area.minY), anchor: TextAnchor(.center, .top),
                                    font: theme.figureTitleFont, color: theme.textColor, maxWidth: area.width, metrics: metrics)
            title = placed
            area = area.inset(top: placed.bounds.height + theme.headerGap)
        } else {
            title = nil
        }
        let headerTop = area.minY
        if !figure.columnHeaders.isEmpty {
            area = area.inset(top: metrics.measure("Hg", in: theme.headerFont).height + theme.headerGap)
        }
        let rowLabelWidth = metrics.measure("Hg", in: theme.rowLabelFont).height
        if figure.rows.contains(where: { $0.label != nil }) {
            area = area.inset(left: rowLabelWidth + theme.rowLabelGap)
        }
        let legendWidths = figure.rows.map { row in
            row.legend.map { legend in
                let entries = theme.legendKeySize + theme.legendKeyGap
                    + (legend.entries.map { FigureLayout.legendLabelWidth($0.label, theme: theme, metrics: metrics) }.max() ?? 0)
                let note = options.legend == .right
                    ? FigureLayout.noteLines(legend, entriesWidth: entries, theme: theme, metrics: metrics)
                        .map { metrics.measure($0, in: theme.legendNoteFont).width }.max() ?? 0
                    : 0
                return max(entries, note)
            }
        }
        if options.legend == .right, let widest = legendWidths.compactMap({ $0 }).max() {
            area = area.inset(right: widest + theme.legendGap)
        }

        var cells = FigureLayout.cells(of: figure, in: area, theme: theme)
        let legendStrip = theme.legendLineHeight + theme.legendGapBelow
        if options.legend == .below {
            for row in cells.indices where figure.rows[row].legend != nil {
                for column in cells[row].indices { cells[row][column].size.height -= legendStrip }
            }
        }
        var margins = CellMargins(figure: figure, cells: cells, theme: theme, metrics: metrics)
        rows = margins.fit(figure: figure, cells: cells, metrics: metrics)
        requiredSize = FigureLayout.requiredSize(of: figure, cells: cells, margins: margins, page: size)

        rowLabels = zip(figure.rows, rows).map { row, panels in
            guard let label = row.label, let first = panels.first else { return nil }
            return PlacedText(label, at: Point(x: area.minX - theme.rowLabelGap - rowLabelWidth / 2, y: first.frame.center.y),
                              anchor: TextAnchor(.center, .middle), font: theme.rowLabelFont, color: theme.textColor,
                              orientation: .upward, maxWidth: first.cell.height, metrics: metrics)
        }
        // Equal neighbouring headers become one, centred over all their plot areas.
        let columnFrames = rows.max(by: { $0.count < $1.count })?.map(\.frame) ?? []
        var headers: [(text: String, left: Double, right: Double)] = []
        for (text, frame) in zip(figure.columnHeaders, columnFrames) {
            if let last = headers.last, last.text == text {
                headers[headers.count - 1].right = frame.maxX
            } else {
                headers.append((text, frame.minX, frame.maxX))
            }
        }
        columnHeaders = headers.map { header in
            PlacedText(header.text, at: Point(x: (header.left + header.right) / 2, y: headerTop),
                       anchor: TextAnchor(.center, .top), font: theme.headerFont, color: theme.textColor,
                       maxWidth: header.right - header.left + theme.columnGap, metrics: metrics)
        }
        legends = zip(figure.rows, rows).map { row, panels in
            guard let legend = row.legend, let first = panels.first, let last = panels.last else { return nil }
            switch options.legend {
            case .right:
                return FigureLayout.placeBeside(legend, left: area.maxX + theme.legendGap, centerY: first.frame.center.y,
                                                pageHeight: options.height, theme: theme, metrics: metrics)
            case .below:
                return FigureLayout.placeBelow(legend, centerX: (first.frame.minX + last.frame.maxX) / 2,
                                               top: first.cell.maxY + theme.legendGapBelow, theme: theme, metrics: metrics)
            }
        }
    }

    /// The page `page` grown by what the cells lack (see ``CellMargins/shortfall(of:row:column:)``):
    /// a column's shortfall across every column, a row's in proportion to its height weight.
    /// Nil when no cell lacks anything.
    static func requiredSize(of figure: Figure, cells: [[Rect]], margins: CellMargins, page: Size) -> Size? {
        let totalWeight = figure.rows.reduce(0) { $0 + $1.heightWeight }
        var extra = Size(width: 0, height: 0)
        for (row, rowCells) in cells.enumerated() {
            for (column, cell) in rowCells.enumerated() {
                let short = margins.shortfall(of: cell, row: row, column: column)
                extra.width = max(extra.width, short.width * Double(figure.columnCount))
                extra.height = max(extra.height, short.height * totalWeight / figure.rows[row].heightWeight)
            }
        }
        guard extra.width > 0 || extra.height > 0 else { return nil }
        return Size(width: (page.width + extra.width).rounded(.up), height: (page.height + extra.height).rounded(.up))
    }

    /// Every panel layout, row after row.
    public var panels: [PanelLayout] { rows.flatMap { $0 } }

    /// The grid cells: columns of equal width, rows as tall as their weights say.
    static func cells(of figure: Figure, in area: Rect, theme: Theme) -> [[Rect]] {
        let columns = figure.columnCount
        guard columns > 0 else { return figure.rows.map { _ in [] } }
        let columnWidth = (area.width - theme.columnGap * Double(columns - 1)) / Double(columns)
        let totalWeight = figure.rows.reduce(0) { $0 + $1.heightWeight }
        let rowSpace = area.height - theme.rowGap * Double(figure.rows.count - 1)
        var top = area.minY
        return figure.rows.map { row in
            let height = rowSpace * row.heightWeight / totalWeight
            defer { top += height + theme.rowGap }
            return row.panels.indices.map { column in
                Rect(x: area.minX + Double(column) * (columnWidth + theme.columnGap), y: top,
                     width: columnWidth, height: height)
            }
        }
    }

    /// The width a legend label takes: its own, or the theme's longest (it is then cut).
    static func legendLabelWidth(_ label: String, theme: Theme, metrics: some FontMetrics) -> Double {
        min(metrics.measure(label, in: theme.legendFont).width, theme.legendLabelMaxWidth)
    }

    /// A legend's entries side by side in one line from `top`, centred on `centerX`.
    static func placeBelow(_ legend: Legend, centerX: Double, top: Double,
                           theme: Theme, metrics: some FontMetrics) -> LegendLayout {
        let widths = legend.entries.map { entry in
            theme.legendKeySize + theme.legendKeyGap + legendLabelWidth(entry.label, theme: theme, metrics: metrics)
        }
        let total = widths.reduce(0, +) + theme.legendEntryGap * Double(max(0, widths.count - 1))
        let y = top + theme.legendLineHeight / 2
        var left = centerX - total / 2
        let items = zip(legend.entries, widths).map { entry, width in
            defer { left += width + theme.legendEntryGap }
            return LegendLayout.Item(
                entry: entry, keyCenter: Point(x: left + theme.legendKeySize / 2, y: y),
                label: PlacedText(entry.label, at: Point(x: left + theme.legendKeySize + theme.legendKeyGap, y: y),
                                  anchor: TextAnchor(.leading, .middle), font: theme.legendFont,
                                  color: theme.textColor, maxWidth: theme.legendLabelMaxWidth, metrics: metrics))
        }
        return LegendLayout(frame: Rect(x: centerX - total / 2, y: top, width: total, height: theme.legendLineHeight),
                            items: items, note: [])
    }

    /// A legend's note broken into lines as wide as its entries, or ``Theme/legendNoteWidth`` when that is more.
    static func noteLines(_ legend: Legend, entriesWidth: Double, theme: Theme, metrics: some FontMetrics) -> [String] {
        guard let note = legend.note else { return [] }
        return PlacedText.wrapped(note, maxWidth: max(entriesWidth, theme.legendNoteWidth), maxLines: theme.legendNoteLines,
                                  font: theme.legendNoteFont, metrics: metrics)
    }

    /// A legend's entries stacked from `left`, its note under them, centred on `centerY` but kept on the page.
    static func placeBeside(_ legend: Legend, left: Double, centerY: Double, pageHeight: Double,
                            theme: Theme, metrics: some FontMetrics) -> LegendLayout {
        let entriesWidth = theme.legendKeySize + theme.legendKeyGap
            + (legend.entries.map { legendLabelWidth($0.label, theme: theme, metrics: metrics) }.max() ?? 0)
        let noteLines = noteLines(legend, entriesWidth: entriesWidth, theme: theme, metrics: metrics)
        let lineHeight = metrics.measure("Hg", in: theme.legendNoteFont).height
        let entriesHeight = theme.legendLineHeight * Double(legend.entries.count)
        let height = entriesHeight + (noteLines.isEmpty ? 0 : theme.legendNoteGap + Double(noteLines.count) * lineHeight)
        let top = min(max(centerY - height / 2, theme.pagePadding), pageHeight - theme.pagePadding - height)
        let items = legend.entries.enumerated().map { index, entry in
            let y = top + theme.legendLineHeight * (Double(index) + 0.5)
            return LegendLayout.Item(
                entry: entry, keyCenter: Point(x: left + theme.legendKeySize / 2, y: y),
                label: PlacedText(entry.label, at: Point(x: left + theme.legendKeySize + theme.legendKeyGap, y: y),
                                  anchor: TextAnchor(.leading, .middle), font: theme.legendFont,
                                  color: theme.textColor, maxWidth: theme.legendLabelMaxWidth, metrics: metrics))
        }
        let note = noteLines.enumerated().map { index, line in
            PlacedText(line, at: Point(x: left, y: top + entriesHeight + theme.legendNoteGap + Double(index) * lineHeight),
                       anchor: TextAnchor(.leading, .top), font: theme.legendNoteFont, color: theme.legendNoteColor, metrics: metrics)
        }
        let width = ((items.map(\.label.bounds.maxX) + note.map(\.bounds.maxX)).max() ?? left) - left
        return LegendLayout(frame: Rect(x: left, y: top, width: width, height: height), items: items, note: note)
    }
}
