extension AxisLimits {
    /// The limits of every panel of `figure` with plot areas `frames`, following
    /// the figure's axis sharing.
    ///
    /// Each panel's data is padded, then a sharing group (the whole figure, a row,
    /// or one panel) takes the union of its members' bounds. Free-aspect members
    /// show that union. Equal-aspect members show it at one common scale, the
    /// largest any member needs, centred on the union's centre, so a data unit is
    /// equally long in every panel of the group and each plot area is filled.
    ///
    /// A panel with template markers is padded by at least `markerReach` points
    /// (a marker's radius and a point) inside its smallest plot-area side, so that
    /// a template at the edge of the data is drawn whole, not clipped by the frame.
    static func solve(for figure: Figure, frames: [[Rect]], padding: Double, markerReach: Double = 0) -> [[AxisLimits]] {
        let bounds = figure.rows.indices.map { row in
            figure.rows[row].panels.indices.map { column -> AxisLimits in
                let panel = figure.rows[row].panels[column]
                let hasTemplates = panel.marks.contains { if case .template = $0 { return true } else { return false } }
                // pad/(1 + 2·pad) of the side is the padding in points: at least markerReach.
                let side = min(frames[row][column].width, frames[row][column].height)
                let needed = hasTemplates && side > 2 * markerReach ? markerReach / (side - 2 * markerReach) : 0
                return dataBounds(of: panel, padding: max(padding, needed))
            }
        }
        var limits = bounds
        let groups: [[(row: Int, column: Int)]]
        let everyPanel = figure.rows.indices.map { row in figure.rows[row].panels.indices.map { (row, $0) } }
        switch figure.options.axes {
        case .shared: groups = [everyPanel.flatMap { $0 }]
        case .row: groups = everyPanel
        case .independent: groups = everyPanel.flatMap { $0 }.map { [$0] }
        }
        for group in groups {
            for aspect in [Panel.Aspect.equal, .free] {
                let members = group.filter { figure.rows[$0.row].panels[$0.column].aspect == aspect }
                guard let union = members.map({ bounds[$0.row][$0.column] }).reduce(nil, { partial, next in
                    partial.map { $0.union(next) } ?? next
                }) else { continue }
                let unitsPerPoint = members.map { union.unitsPerPoint(toFit: frames[$0.row][$0.column].size) }.max() ?? 1
                for member in members {
                    limits[member.row][member.column] = aspect == .free ? union
                        : .equalAspect(center: union.center, unitsPerPoint: unitsPerPoint,
                                       size: frames[member.row][member.column].size)
                }
            }
        }
        return limits
    }

    /// A panel's padded data bounds, with its fixed limits in place of the data's;
    /// the unit square when it has no data.
    static func dataBounds(of panel: Panel, padding: Double) -> AxisLimits {
        var points: [Point] = []
        for mark in panel.marks {
            switch mark {
            case .scatter(let scatter):
                if let box = bounding(x: scatter.x, y: scatter.y) {
                    points += [Point(x: box.x.lowerBound, y: box.y.lowerBound), Point(x: box.x.upperBound, y: box.y.upperBound)]
                }
            case .template(let template): points.append(template.position)
            case .path(let path): points += path.points
            case .segments(let segments): points += segments.starts + segments.ends
            case .text(let text):
                if case .data(let point) = text.position { points.append(point) }
            }
        }
        var limits = bounding(points)?.padded(by: padding, equal: panel.aspect == .equal)
            ?? AxisLimits(x: 0...1, y: 0...1)
        // Fixed limits that cannot be drawn (no width, or not finite) are ignored.
        func usable(_ range: ClosedRange<Double>?) -> ClosedRange<Double>? {
            guard let range, range.lowerBound.isFinite, range.upperBound.isFinite,
                  range.upperBound > range.lowerBound else { return nil }
            return range
        }
        if let x = usable(panel.xLimits) { limits.x = x }
        if let y = usable(panel.yLimits) { limits.y = y }
        return limits
    }

    /// The bounds of the finite points among (`x[i]`, `y[i]`), in one pass without
    /// building points.
    static func bounding(x: [Double], y: [Double]) -> AxisLimits? {
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for index in x.indices where x[index].isFinite && y[index].isFinite {
            minX = min(minX, x[index]); maxX = max(maxX, x[index])
            minY = min(minY, y[index]); maxY = max(maxY, y[index])
        }
        return minX <= maxX ? AxisLimits(x: minX...maxX, y: minY...maxY) : nil
    }
}
