extension Ticks {
    /// The ticks of a plot area: about one every `theme.tickSpacing` points, on
    /// nice steps, with horizontal labels at least a label's width plus a gap
    /// apart. An equal-aspect panel uses one step on both axes, so its grid is
    /// made of squares.
    static func forPlotArea(limits: AxisLimits, frame: Rect, aspect: Panel.Aspect,
                            theme: Theme, metrics: some FontMetrics) -> (x: Ticks, y: Ticks) {
        func step(_ extent: Double, _ length: Double) -> Double {
            niceStep(atLeast: extent / Double(max(1, Int(length / theme.tickSpacing))))
        }
        var xStep = step(limits.width, frame.width)
        var yStep = step(limits.height, frame.height)
        if aspect == .equal { xStep = max(xStep, yStep); yStep = xStep }
        while true {
            let ticks = Ticks(step: xStep, in: limits.x)
            let widest = ticks.labels.map { metrics.measure($0, in: theme.tickFont).width }.max() ?? 0
            if ticks.values.count <= 2 || widest + 2 * theme.tickLength <= xStep * frame.width / limits.width { break }
            xStep = niceStep(after: xStep)
            if aspect == .equal { yStep = xStep }
        }
        return (Ticks(step: xStep, in: limits.x), Ticks(step: yStep, in: limits.y))
    }
}
