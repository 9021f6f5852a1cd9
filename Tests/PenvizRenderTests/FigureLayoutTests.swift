import Testing
@testable import PenvizRender

@Suite struct FigureLayoutTests {
    let metrics = ApproximateFontMetrics()
    let classes = ClassStyle.slots(["cat", "dog", "frog"])

    private func scatterPanel(title: String? = nil, spread: Double = 1) -> Panel {
        .templatePlane(title: title, classes: classes,
                       points: Scatter(x: [-spread, spread, 0], y: [0, 0, spread], classIndex: [0, 1, 2]),
                       templates: [Point(x: -1, y: 0), Point(x: 1, y: 0), Point(x: 0, y: 1)])
    }

    @Test func marginsFitALongTickLabel() {
        // Limits fixed near a million with a tiny width give labels like "1000000.0002".
        let panel = Panel(marks: [.scatter(Scatter(x: [0, 1], y: [1_000_000, 1_000_000.001], classIndex: [0, 0]))],
                          aspect: .free, yLimits: 1_000_000...1_000_000.001)
        let layout = FigureLayout(Figure(rows: [.init(panels: [panel])]), metrics: metrics)
        let panelLayout = layout.panels[0]
        let widest = panelLayout.yTickLabels.map(\.bounds.width).max() ?? 0
        #expect(widest > 50)
        for label in panelLayout.yTickLabels {
            #expect(label.bounds.maxX <= panelLayout.frame.minX)
            #expect(label.bounds.minX >= panelLayout.cell.minX - 1e-9)
        }
        for label in panelLayout.xTickLabels {
            #expect(label.bounds.minY >= panelLayout.frame.maxY)
            #expect(label.bounds.maxY <= layout.size.height)
        }
    }

    @Test func legendsSitBesideTheirRowAndCoverNoPlotArea() {
        let figure = Figure(rows: [.init(panels: [scatterPanel(), scatterPanel()], legend: Legend(classes: classes)),
                                   .init(panels: [scatterPanel(), scatterPanel()], legend: Legend(classes: classes))],
                            options: FigureOptions(width: 500, height: 400))
        let layout = FigureLayout(figure, metrics: metrics)
        let page = Rect(x: 0, y: 0, width: 500, height: 400)
        for (row, legend) in zip(layout.rows, layout.legends) {
            let legend = try! #require(legend)
            #expect(page.contains(legend.frame))
            for panel in layout.panels { #expect(!legend.frame.intersects(panel.frame)) }
            // Beside its own row: its middle lies between the row's plot area's top and bottom.
            #expect(row[0].frame.minY < legend.frame.center.y && legend.frame.center.y < row[0].frame.maxY)
            #expect(legend.items.map(\.label.text) == ["cat", "dog", "frog"])
        }
    }

    @Test func legendsBelowSitUnderTheirRowInOneLine() {
        let figure = Figure(rows: [.init(panels: [scatterPanel()], legend: Legend(classes: classes)),
                                   .init(panels: [scatterPanel()], legend: Legend(classes: classes))],
                            options: FigureOptions(width: 300, height: 500, legend: .below))
        let layout = FigureLayout(figure, metrics: metrics)
        let page = Rect(x: 0, y: 0, width: 300, height: 500)
        for (index, legend) in layout.legends.enumerated() {
            let legend = try! #require(legend)
            let row = layout.rows[index][0]
            #expect(page.contains(legend.frame))
            for panel in layout.panels { #expect(!legend.frame.intersects(panel.frame)) }
            // Under the row's tick labels, above the next row, centred under the plot area.
            #expect(legend.frame.minY >= row.xTickLabels.map(\.bounds.maxY).max()!)
            if index + 1 < layout.rows.count { #expect(legend.frame.maxY <= layout.rows[index + 1][0].cell.minY) }
            #expect(abs(legend.frame.center.x - row.frame.center.x) < 1e-9)
            // One line, left to right, labels clear of the next key.
            #expect(Set(legend.items.map(\.keyCenter.y)).count == 1)
            for (left, right) in zip(legend.items, legend.items.dropFirst()) {
                #expect(left.label.bounds.maxX < right.keyCenter.x - Theme.paper.legendKeySize / 2)
            }
        }
        // Nothing is kept at the right for a legend.
        #expect(layout.panels[0].cell.maxX > 300 - Theme.paper.pagePadding - 1e-9)
    }

    @Test func gridCellsAlignInRowsAndColumns() {
        let row = Figure.Row(panels: [scatterPanel(title: "hard · train", spread: 1), scatterPanel(title: "hard · val", spread: 3),
                                      scatterPanel(title: "smooth · train", spread: 0.5), scatterPanel(title: "smooth · val", spread: 2)])
        var second = row
        second.label = "cat / dog / frog"
        let figure = Figure(rows: [row, second], columnHeaders: ["hard", "hard", "smoothed", "smoothed"],
                            options: FigureOptions(width: 800, height: 420, title: "Label smoothing"))
        let layout = FigureLayout(figure, metrics: metrics)
        #expect(layout.rows.map(\.count) == [4, 4])
        for panels in layout.rows {
            for panel in panels.dropFirst() {
                #expect(abs(panel.frame.minY - panels[0].frame.minY) < 1e-9)
                #expect(abs(panel.frame.height - panels[0].frame.height) < 1e-9)
            }
        }
        for column in 0..<4 {
            #expect(abs(layout.rows[0][column].frame.minX - layout.rows[1][column].frame.minX) < 1e-9)
            #expect(layout.columnHeaders[column / 2].bounds.maxY <= layout.rows[0][column].title!.bounds.minY)
        }
        // Equal neighbouring headers merge, centred over their two plot areas.
        #expect(layout.columnHeaders.map(\.text) == ["hard", "smoothed"])
        for (index, header) in layout.columnHeaders.enumerated() {
            let left = layout.rows[0][2 * index].frame, right = layout.rows[0][2 * index + 1].frame
            #expect(abs(header.position.x - (left.minX + right.maxX) / 2) < 1e-9)
        }
        #expect(layout.rowLabels[0] == nil)
        let rowLabel = try! #require(layout.rowLabels[1])
        #expect(rowLabel.bounds.maxX <= layout.rows[1][0].cell.minX)
        #expect(rowLabel.orientation == .upward)
        #expect(rowLabel.bounds.height > rowLabel.bounds.width)
        let title = try! #require(layout.title)
        #expect(title.bounds.maxY <= layout.columnHeaders[0].bounds.minY)
    }

    @Test func everyTextStaysOnThePage() {
        let panel = Panel(title: "run · val", caption: "tightness 0.12", classes: classes,
                          marks: [.path(PathMark(points: [Point(x: 0, y: 0), Point(x: 1, y: 1)]))],
                          aspect: .free, xLabel: "confidence", yLabel: "accuracy")
        let figure = Figure(rows: [.init(label: "row", panels: [panel, panel], legend: Legend(classes: classes))],
                            columnHeaders: ["a", "b"], options: FigureOptions(width: 420, height: 240, title: "Reliability"))
        let layout = FigureLayout(figure, metrics: metrics)
        let page = Rect(x: 0, y: 0, width: 420, height: 240)
        let texts = layout.panels.flatMap(\.texts) + layout.columnHeaders + layout.rowLabels.compactMap { $0 }
            + [layout.title!] + layout.legends.compactMap { $0 }.flatMap { $0.items.map(\.label) }
        for text in texts { #expect(page.contains(text.bounds), "\(text.text) at \(text.bounds)") }
        for panel in layout.panels {
            for text in panel.texts { #expect(!text.bounds.intersects(panel.frame), "\(text.text) covers the plot area") }
        }
    }

    @Test func longClassNamesStayOnThePageAndOutOfThePlotArea() {
        // ImageNet's names run past 100 characters; every label is cut to its room.
        let long = ClassStyle.slots([
            String(repeating: "n01440764 tench, Tinca tinca ", count: 4), "goldfish, Carassius auratus",
            "great white shark, white shark, man-eater, man-eating shark, Carcharodon carcharias",
        ])
        var panel = Panel.templatePlane(
            title: long[0].name, classes: long, points: Scatter(x: [-1, 1, 0], y: [0, 0, 1], classIndex: [0, 1, 2]),
            templates: [Point(x: -1, y: 0), Point(x: 1, y: 0), Point(x: 0, y: 1)])
        panel.caption = long[2].name
        for legend in [LegendPlacement.right, .below] {
            let figure = Figure(rows: [.init(label: long[2].name, panels: [panel, panel], legend: Legend(classes: long))],
                                columnHeaders: [long[0].name, long[1].name],
                                options: FigureOptions(width: 600, height: 300, title: long[2].name, legend: legend))
            let layout = FigureLayout(figure, metrics: metrics)
            #expect(layout.requiredSize == nil)
            let page = Rect(x: 0, y: 0, width: 600, height: 300)
            let texts = layout.panels.flatMap(\.texts) + layout.columnHeaders + layout.rowLabels.compactMap { $0 }
                + [layout.title!] + layout.legends.compactMap { $0 }.flatMap { $0.items.map(\.label) }
            for text in texts { #expect(page.contains(text.bounds), "\(text.text) at \(text.bounds)") }
            #expect(texts.contains { $0.text.hasSuffix("…") })
            for panel in layout.panels {
                #expect(panel.frame.width > 40 && panel.frame.height > 40)
                for label in panel.templateLabels { #expect(label.bounds.width <= 0.6 * panel.frame.width + 1e-9) }
            }
        }
    }

    @Test func aPageTooSmallNamesASizeThatFits() {
        let figure = Figure(rows: [.init(label: "row", panels: [scatterPanel(title: "a"), scatterPanel(title: "b")],
                                         legend: Legend(classes: classes))],
                            options: FigureOptions(width: 120, height: 80))
        let layout = FigureLayout(figure, metrics: metrics)
        let required = try! #require(layout.requiredSize)
        #expect(required.width > 120 && required.height > 80)
        // Every panel still has a plot area to draw in (the page is refused before drawing).
        for panel in layout.panels { #expect(panel.frame.width >= 40 && panel.frame.height >= 40) }
        var larger = figure
        larger.options.width = required.width
        larger.options.height = required.height
        #expect(FigureLayout(larger, metrics: metrics).requiredSize == nil)
    }

    @Test(arguments: [200.0, 240.0, 600.0])
    func templateMarkersAtTheEdgeOfTheDataStayInsideTheirPlotArea(width: Double) {
        // The templates are the data's extremes; at any panel size their markers must be drawn whole.
        let panel = Panel.templatePlane(
            title: nil, classes: classes, points: Scatter(x: [-0.5, 0.5, 0], y: [0, 0, 0.5], classIndex: [0, 1, 2]),
            templates: [Point(x: -1, y: -1), Point(x: 1, y: -1), Point(x: 0, y: 1)])
        let figure = Figure(rows: [.init(panels: [panel, panel])], options: FigureOptions(width: width, height: width / 2 + 40))
        let layout = FigureLayout(figure, metrics: metrics)
        #expect(layout.requiredSize == nil)
        let radius = Theme.paper.templateDiameter(pointSize: figure.options.pointSize) / 2
        for placed in layout.panels {
            for template in [Point(x: -1, y: -1), Point(x: 1, y: -1), Point(x: 0, y: 1)] {
                let center = placed.transform.page(template)
                let marker = Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius)
                #expect(placed.frame.contains(marker), "marker at \(center) in \(placed.frame), width \(width)")
            }
        }
    }

    @Test func smallPanelsStillGetThreeTicksAWay() {
        // Four panels side by side on a narrow page: about three tick spacings a
        // panel, where rounding the step up alone would leave only the 0 tick.
        let row = Figure.Row(panels: (0..<4).map { _ in scatterPanel(spread: 8) })
        let layout = FigureLayout(Figure(rows: [row], options: FigureOptions(width: 700, height: 220)), metrics: metrics)
        for panel in layout.panels {
            #expect(panel.xTicks.values.count >= 3)
            #expect(panel.yTicks.values.count >= 3)
            #expect(panel.xTicks.step == panel.yTicks.step)
        }
    }

    @Test(arguments: Array(stride(from: 300.0, through: 900.0, by: 15)))
    func oneFigureFollowsOneTickRule(width: Double) {
        // Two columns of a reliability diagram: the first keeps room for its axis
        // label, so its plot area is narrower. Equal limits must still get equal
        // ticks, on the bars and the histogram alike, whatever the page width.
        let bars = [Panel(title: "before", aspect: .free, xLimits: 0...1, yLimits: 0...1, yLabel: "accuracy"),
                    Panel(title: "after", aspect: .free, xLimits: 0...1, yLimits: 0...1)]
        let counts = [Panel(aspect: .free, xLimits: 0...1, yLimits: 0...100, xLabel: "confidence", yLabel: "% of examples"),
                      Panel(aspect: .free, xLimits: 0...1, yLimits: 0...100, xLabel: "confidence")]
        let figure = Figure(rows: [.init(panels: bars, heightWeight: 3), .init(panels: counts)],
                            options: FigureOptions(width: width, height: width * 0.6))
        let layout = FigureLayout(figure, metrics: metrics)
        #expect(layout.rows[0][0].frame.width < layout.rows[0][1].frame.width)
        for row in layout.rows {
            #expect(row[0].xTicks == row[1].xTicks, "page width \(width)")
            #expect(row[0].yTicks == row[1].yTicks, "page width \(width)")
        }
        #expect(layout.rows[0][0].xTicks == layout.rows[1][0].xTicks, "page width \(width)")
    }

    @Test func rowsKeepOnlyTheRoomTheirLabelsNeed() {
        // A reliability diagram: bars above, a count histogram with the x label below.
        let bars = Panel(title: "run · test", aspect: .free, xLimits: 0...1, yLimits: 0...1, yLabel: "accuracy")
        let counts = Panel(aspect: .free, xLimits: 0...1, yLimits: 0...2000, xLabel: "confidence", yLabel: "count")
        let figure = Figure(rows: [.init(panels: [bars, bars]), .init(panels: [counts, counts])],
                            options: FigureOptions(width: 400, height: 300))
        let layout = FigureLayout(figure, metrics: metrics)
        let upper = layout.rows[0][0], lower = layout.rows[1][0]
        // The upper row keeps room for ticks and their labels only; the lower
        // row's cell also holds the axis label.
        let upperRoom = upper.cell.maxY - upper.frame.maxY
        let lowerRoom = lower.cell.maxY - lower.frame.maxY
        let axisLabel = try! #require(lower.xLabel)
        #expect(abs(lowerRoom - upperRoom - (axisLabel.bounds.height + Theme.paper.axisLabelGap)) < 1e-9)
        // Columns still line up, with room for the widest tick label ("2000") in both rows.
        #expect(abs(upper.frame.minX - lower.frame.minX) < 1e-9)
        for label in upper.yTickLabels + lower.yTickLabels { #expect(label.bounds.minX >= upper.cell.minX) }
    }

    @Test("templates nearly on one spot at a large font scale: labels set smaller, never below their unscaled size, none covering another")
    func crowdedTemplateLabels() {
        let names = ["T-shirt/top", "Pullover", "Shirt"]
        let crowded = Panel.templatePlane(
            title: nil, classes: zip(names, classes).map { ClassStyle(name: $0, color: $1.color) },
            points: Scatter(x: [-20, 20, 0], y: [-20, 20, 30], classIndex: [0, 1, 2]),
            templates: [Point(x: -0.1, y: 0), Point(x: 0.1, y: 0), Point(x: 0, y: 0.1)])
        let options = FigureOptions(width: 300, height: 260, fontScale: 3)
        let panel = FigureLayout(Figure(rows: [.init(panels: [crowded])], options: options), metrics: metrics).panels[0]
        let labels = panel.templateLabels
        #expect(labels.count == 3)
        // All alike, smaller than 3 × 9 pt but not below the unscaled 9 pt.
        #expect(Set(labels.map(\.font.size)).count == 1 && labels[0].font.size >= Theme.paper.templateLabelFont.size
            && labels[0].font.size < 3 * Theme.paper.templateLabelFont.size)
        for (i, a) in labels.enumerated() {
            #expect(panel.frame.contains(a.bounds))
            for b in labels[(i + 1)...] { #expect(!a.bounds.intersects(b.bounds), "\(a.text) covers \(b.text)") }
        }
    }

    @Test func templateLabelsStayInsideThePlotArea() {
        let layout = FigureLayout(Figure(rows: [.init(panels: [scatterPanel()])]), metrics: metrics)
        let panel = layout.panels[0]
        #expect(panel.templateLabels.map(\.text) == ["cat", "dog", "frog"])
        for label in panel.templateLabels { #expect(panel.frame.contains(label.bounds)) }
    }
}
