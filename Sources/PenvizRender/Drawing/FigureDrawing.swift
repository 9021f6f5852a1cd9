extension FigureLayout {
    /// Draws the laid-out figure with `renderer`: background, then each panel
    /// (grid, data clipped to the plot area, spines and ticks, labels), then row
    /// labels, column headers, legends and the title.
    public func draw(on renderer: some Renderer) {
        if !options.transparent {
            renderer.draw(.rectangle(Rect(x: 0, y: 0, width: size.width, height: size.height)), fill: .white, stroke: nil)
        }
        for panel in panels { draw(panel, on: renderer) }
        for legend in legends.compactMap({ $0 }) { draw(legend, on: renderer) }
        for text in rowLabels.compactMap({ $0 }) + columnHeaders + [title].compactMap({ $0 }) {
            draw(text, on: renderer)
        }
    }

    private func draw(_ layout: PanelLayout, on renderer: some Renderer) {
        let frame = layout.frame
        let transform = layout.transform
        let panel = layout.panel
        if options.grid {
            renderer.draw(tickLines(layout, acrossPlotArea: true), fill: nil, stroke: theme.grid)
        }

        let templateRadius = theme.templateDiameter(pointSize: options.pointSize) / 2
        renderer.pushClip(frame)
        for mark in panel.marks {
            switch mark {
            case .scatter(let scatter) where scatter.count > options.densityThreshold:
                let diameter = scatter.diameter ?? options.pointSize
                let image = DensityShading.image(of: scatter, classes: panel.classes, transform: transform,
                                                 diameter: diameter, alpha: scatter.alpha ?? options.pointAlpha)
                renderer.draw(image, in: DensityShading.extent(of: image, in: frame, diameter: diameter))
            case .scatter(let scatter):
                renderer.draw(markers(for: scatter, classes: panel.classes, transform: transform))
            case .template(let template):
                // A white ring under the dark outline lifts the marker off a dense
                // cluster of its own colour.
                let marker = Path.circle(center: transform.page(template.position), radius: templateRadius)
                renderer.draw(marker, fill: nil, stroke: theme.templateRing)
                renderer.draw(marker, fill: panel.classes[template.classIndex].color, stroke: theme.templateOutline)
            case .path(let path):
                renderer.draw(.polyline(path.points.map(transform.page), closed: path.closed),
                              fill: path.fill, stroke: path.stroke)
            case .segments(let segments):
                let elements = zip(segments.starts, segments.ends).flatMap { start, end -> [Path.Element] in
                    [.move(transform.page(start)), .line(transform.page(end))]
                }
                renderer.draw(Path(elements), fill: nil, stroke: segments.stroke)
            case .text:
                break
            }
        }
        renderer.popClip()

        renderer.draw(tickLines(layout, acrossPlotArea: false), fill: nil, stroke: theme.spine)
        renderer.draw(.rectangle(frame), fill: nil, stroke: theme.spine)

        for label in layout.templateLabels {
            renderer.draw(text: label.text, at: label.position, anchor: label.anchor, font: label.font,
                          color: label.color, orientation: .horizontal, halo: theme.templateLabelHalo)
        }
        for mark in layout.markTexts {
            renderer.draw(text: mark.text.text, at: mark.text.position, anchor: mark.text.anchor, font: mark.text.font,
                          color: mark.text.color, orientation: .horizontal,
                          halo: mark.halo.map { Stroke(color: $0, width: theme.templateLabelHalo.width) })
        }
        for text in layout.texts { draw(text, on: renderer) }
    }

    /// A line at every tick: across the plot area (the grid), or reaching
    /// outwards from its bottom and left edges by the tick length (the ticks).
    private func tickLines(_ layout: PanelLayout, acrossPlotArea: Bool) -> Path {
        let frame = layout.frame
        let outward = acrossPlotArea ? 0 : theme.tickLength
        var elements: [Path.Element] = []
        for value in layout.xTicks.values {
            let x = layout.transform.page(x: value, y: 0).x
            elements += [.move(Point(x: x, y: acrossPlotArea ? frame.minY : frame.maxY)),
                         .line(Point(x: x, y: frame.maxY + outward))]
        }
        for value in layout.yTicks.values {
            let y = layout.transform.page(x: 0, y: value).y
            elements += [.move(Point(x: acrossPlotArea ? frame.maxX : frame.minX, y: y)),
                         .line(Point(x: frame.minX - outward, y: y))]
        }
        return Path(elements)
    }

    /// The scatter's finite points as page-space markers, one style per class.
    private func markers(for scatter: Scatter, classes: [ClassStyle], transform: DataTransform) -> MarkerBatch {
        let diameter = scatter.diameter ?? options.pointSize
        let alpha = scatter.alpha ?? options.pointAlpha
        let styles = classes.map { MarkerStyle(diameter: diameter, fill: $0.color.withAlpha($0.color.alpha * alpha)) }
        var positions: [Point] = []
        var styleIndex: [Int] = []
        positions.reserveCapacity(scatter.count)
        styleIndex.reserveCapacity(scatter.count)
        for index in 0..<scatter.count where scatter.x[index].isFinite && scatter.y[index].isFinite {
            precondition(styles.indices.contains(scatter.classIndex[index]),
                         "Scatter: class index \(scatter.classIndex[index]) for a panel of \(styles.count) classes")
            positions.append(transform.page(x: scatter.x[index], y: scatter.y[index]))
            styleIndex.append(scatter.classIndex[index])
        }
        return MarkerBatch(styles: styles, positions: positions, styleIndex: styleIndex)
    }

    private func draw(_ legend: LegendLayout, on renderer: some Renderer) {
        let half = theme.legendKeySize / 2
        for item in legend.items {
            let key = item.keyCenter
            switch item.entry.symbol {
            case .marker:
                renderer.draw(.circle(center: key, radius: half), fill: item.entry.color, stroke: nil)
            case .line(let dash):
                renderer.draw(.polyline([Point(x: key.x - half, y: key.y), Point(x: key.x + half, y: key.y)]),
                              fill: nil, stroke: Stroke(color: item.entry.color, width: theme.legendLineWidth, dash: dash))
            case .box:
                renderer.draw(.rectangle(Rect(x: key.x - half, y: key.y - half, width: 2 * half, height: 2 * half)),
                              fill: item.entry.color, stroke: nil)
            case .hatchedBox(let hatch):
                let box = Rect(x: key.x - half, y: key.y - half, width: 2 * half, height: 2 * half)
                renderer.draw(.rectangle(box), fill: item.entry.color, stroke: nil)
                // Three "/" lines, as the bars' hatching: through the centre and half a side to either side.
                for offset in [-half, 0, half] {
                    let from = Point(x: box.minX + max(0, offset), y: box.maxY - max(0, -offset))
                    let to = Point(x: box.maxX - max(0, -offset), y: box.minY + max(0, offset))
                    renderer.draw(.polyline([from, to]), fill: nil, stroke: Stroke(color: hatch, width: 0.5))
                }
                renderer.draw(.rectangle(box), fill: nil, stroke: Stroke(color: hatch, width: 0.6))
            }
            draw(item.label, on: renderer)
        }
        for line in legend.note { draw(line, on: renderer) }
    }

    private func draw(_ text: PlacedText, on renderer: some Renderer) {
        renderer.draw(text: text.text, at: text.position, anchor: text.anchor, font: text.font, color: text.color,
                      orientation: text.orientation, halo: nil)
    }
}
