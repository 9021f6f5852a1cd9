import PenvizCore

/// The labels of a panel's templates: each beside its marker, facing away from the
/// others (``TemplateLabelPlacement``), inside the plot area, and clear of the other
/// labels and markers where that can be had.
///
/// Each label tries, in order: outward; centred below or above its marker; to its
/// right or left; a line or two farther outward. It takes the first place inside the
/// plot area clear of every marker and of the labels placed before it; else the first
/// clear of those labels (a label over a label is worst); else the first inside; else
/// the outward one moved the least needed to lie inside. The labels of a panel share
/// one size: the theme's, made smaller when a name is wider than its room (a share
/// of the plot area's width) or when the labels cannot all be placed clear, never
/// below the size they have without `--font-scale`; a name still too wide is cut with "…".
struct TemplateLabels {
    /// The classes' names, in template order.
    let names: [String]
    /// The markers' centres on the page.
    let centers: [Point]
    /// The markers' radius.
    let markerRadius: Double
    /// The plot area.
    let frame: Rect
    let theme: Theme

    /// Steps by which a crowded panel's labels are made smaller.
    static let shrinkSteps = 4

    /// The labels, in template order.
    func placed(metrics: some FontMetrics) -> [PlacedText] {
        let largest = widthFittedFont(metrics: metrics), smallest = theme.templateLabelFont.size / max(theme.fontScale, 1)
        var font = largest
        var result = placed(in: font, metrics: metrics)
        // Smaller, in even steps down to the unscaled size, until every label is clear.
        for step in 1...Self.shrinkSteps where !result.allClear && font.size > smallest {
            font.size = largest.size - (largest.size - smallest) * Double(step) / Double(Self.shrinkSteps)
            result = placed(in: font, metrics: metrics)
        }
        return result.labels
    }

    private var room: Double { frame.width * theme.templateLabelMaxShare }

    /// The theme's label font, smaller when the widest name is wider than its room:
    /// down to its size without `--font-scale` (never below it, nor larger than the theme's).
    private func widthFittedFont(metrics: some FontMetrics) -> Font {
        var font = theme.templateLabelFont
        let widest = names.map { metrics.measure(VisibleText.escaped($0), in: font).width }.max() ?? 0
        guard widest > room else { return font }
        font.size = max(font.size / max(theme.fontScale, 1), font.size * room / widest)
        return font
    }

    /// The labels set in `font`, and whether each found a place clear of markers and labels.
    private func placed(in font: Font, metrics: some FontMetrics) -> (labels: [PlacedText], allClear: Bool) {
        let reach = markerRadius + theme.templateLabelGap
        let inside = frame.inset(top: 2, left: 2, bottom: 2, right: 2)
        let markers = centers.map { Rect(x: $0.x - markerRadius, y: $0.y - markerRadius, width: 2 * markerRadius, height: 2 * markerRadius) }
        var placed: [PlacedText] = []
        var allClear = true
        for (name, (center, outward)) in zip(names, zip(centers, TemplateLabelPlacement.outward(from: centers, reach: reach))) {
            let labels = candidates(center: center, outward: outward, reach: reach, lineHeight: 1.2 * font.size).map { placement in
                PlacedText(name, at: placement.position, anchor: placement.anchor, font: font, color: theme.textColor,
                           maxWidth: room, metrics: metrics)
            }
            let apart = { (label: PlacedText) in inside.contains(label.bounds) && !placed.contains { $0.bounds.intersects(label.bounds) } }
            let clear = { (label: PlacedText) in apart(label) && !markers.contains { $0.intersects(label.bounds) } }
            if let best = labels.first(where: clear) {
                placed.append(best)
                continue
            }
            allClear = false
            if let fitting = labels.first(where: apart) ?? labels.first(where: { inside.contains($0.bounds) }) {
                placed.append(fitting)
                continue
            }
            var label = labels[0]
            label.position.x += max(0, inside.minX - label.bounds.minX) - max(0, label.bounds.maxX - inside.maxX)
            label.position.y += max(0, inside.minY - label.bounds.minY) - max(0, label.bounds.maxY - inside.maxY)
            placed.append(PlacedText(label.text, at: label.position, anchor: label.anchor, font: label.font,
                                     color: label.color, metrics: metrics))
        }
        return (placed, allClear)
    }

    /// Where a label may go, in order of preference.
    private func candidates(center: Point, outward: TemplateLabelPlacement, reach: Double, lineHeight: Double) -> [TemplateLabelPlacement] {
        [outward,
         TemplateLabelPlacement(position: Point(x: center.x, y: center.y + reach), anchor: TextAnchor(.center, .top)),
         TemplateLabelPlacement(position: Point(x: center.x, y: center.y - reach), anchor: TextAnchor(.center, .bottom)),
         TemplateLabelPlacement(position: Point(x: center.x + reach, y: center.y), anchor: TextAnchor(.leading, .middle)),
         TemplateLabelPlacement(position: Point(x: center.x - reach, y: center.y), anchor: TextAnchor(.trailing, .middle))]
            // Farther out the same way, a line or two, for markers too close together to label side by side.
            + [1.0, 2.0].map { lines in
                let distance = (reach + lines * lineHeight) / reach
                return TemplateLabelPlacement(
                    position: Point(x: center.x + (outward.position.x - center.x) * distance,
                                    y: center.y + (outward.position.y - center.y) * distance),
                    anchor: outward.anchor)
            }
    }
}
