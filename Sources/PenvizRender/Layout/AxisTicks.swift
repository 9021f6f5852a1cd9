extension Ticks {
    /// The ticks of a plot area: about one every `theme.tickSpacing` points, on
    /// nice steps, at least three on each axis when the labels leave room, and
    /// horizontal labels at least a label's width plus a gap apart. An
    /// equal-aspect panel uses one step on both axes, so its grid is made of squares.
    ///
    /// `room` is the plot-area size the density is chosen for. The layout passes the
    /// narrowest plot area of the figure and the shortest of the row rather than the
    /// panel's own, so one figure follows one rule: panels with equal limits get
    /// equal ticks even when their margins differ.
    static func forPlotArea(limits: AxisLimits, room: Size, aspect: Panel.Aspect,
                            theme: Theme, metrics: some FontMetrics) -> (x: Ticks, y: Ticks) {
        func step(_ extent: Double, _ length: Double) -> Double {
            // About one tick every tickSpacing points, between 2 and Ticks.maximumCount intervals on any length.
            let intervals = length.isFinite ? min(max(2, length / theme.tickSpacing), Double(Ticks.maximumCount - 2)) : 2
            return niceStep(atLeast: extent / intervals.rounded())
        }
        var xStep = step(limits.width, room.width)
        var yStep = step(limits.height, room.height)
        if aspect == .equal { xStep = max(xStep, yStep); yStep = xStep }
        func crowded(_ step: Double) -> Bool {
            let ticks = Ticks(step: step, in: limits.x)
            let widest = ticks.labels.map { metrics.measure($0, in: theme.tickFont).width }.max() ?? 0
            return ticks.values.count > 2 && widest + 2 * theme.tickLength > step * room.width / limits.width
        }
        func tooFew(_ step: Double, _ range: ClosedRange<Double>) -> Bool {
            step > 0 && Ticks(step: step, in: range).values.count < 3
        }
        // Rounding the step up to a nice one can leave a single tick: step down
        // while an axis has fewer than three and the labels still fit.
        while tooFew(xStep, limits.x) || tooFew(yStep, limits.y) {
            let smallerX = tooFew(xStep, limits.x) || aspect == .equal ? niceStep(before: xStep) : xStep
            let smallerY = tooFew(yStep, limits.y) || aspect == .equal ? niceStep(before: yStep) : yStep
            guard !crowded(smallerX) else { break }
            (xStep, yStep) = (smallerX, smallerY)
        }
        while crowded(xStep) {
            xStep = niceStep(after: xStep)
            if aspect == .equal { yStep = xStep }
        }
        return (Ticks(step: xStep, in: limits.x), Ticks(step: yStep, in: limits.y))
    }
}
