import Testing
@testable import PenvizRender

@Suite struct AxisLimitsTests {
    @Test func boundingSkipsNonFinitePoints() {
        let bounds = AxisLimits.bounding([Point(x: 1, y: 5), Point(x: .nan, y: 100), Point(x: -2, y: 3)])
        #expect(bounds == AxisLimits(x: -2...1, y: 3...5))
        #expect(AxisLimits.bounding(x: [1, .infinity, -2], y: [5, 0, 3]) == AxisLimits(x: -2...1, y: 3...5))
        #expect(AxisLimits.bounding([Point]()) == nil)
    }

    @Test func equalPaddingUsesTheLargerExtent() {
        // Width 10, height 2: 5 % of 10 is 0.5 on every side.
        let padded = AxisLimits(x: 0...10, y: 0...2).padded(by: 0.05, equal: true)
        #expect(padded == AxisLimits(x: -0.5...10.5, y: -0.5...2.5))
        let free = AxisLimits(x: 0...10, y: 0...2).padded(by: 0.05, equal: false)
        #expect(free == AxisLimits(x: -0.5...10.5, y: -0.1...2.1))
    }

    @Test func zeroWidthRangesGrowVisibly() {
        #expect(AxisLimits(x: 5...5, y: 0...0).padded(by: 0.05, equal: false) == AxisLimits(x: 4.5...5.5, y: -1...1))
    }

    @Test func equalAspectLimitsAreCentredAndFillTheArea() {
        let limits = AxisLimits.equalAspect(center: Point(x: 1, y: 2), unitsPerPoint: 0.5, size: Size(width: 40, height: 20))
        #expect(limits == AxisLimits(x: -9...11, y: -3...7))
        #expect(AxisLimits(x: 0...10, y: 0...2).unitsPerPoint(toFit: Size(width: 100, height: 10)) == 0.2)
    }

    @Test func fixedLimitsReplaceTheDataButOnlyWhenDrawable() {
        let scatter = Mark.scatter(Scatter(x: [0, 10], y: [0, 10], classIndex: [0, 0]))
        let fixed = Panel(marks: [scatter], aspect: .free, xLimits: 2...3, yLimits: 4...4)
        // y 4…4 has no width: the padded data range, 0…10 grown by 6 %, stands.
        #expect(AxisLimits.dataBounds(of: fixed, padding: 0.06) == AxisLimits(x: 2...3, y: -0.6...10.6))
        #expect(AxisLimits.dataBounds(of: Panel(), padding: 0.06) == AxisLimits(x: 0...1, y: 0...1))
    }

    private func figure(_ sharing: AxisSharing) -> Figure {
        let small = Panel(marks: [.scatter(Scatter(x: [0, 1], y: [0, 1], classIndex: [0, 0]))])
        let large = Panel(marks: [.scatter(Scatter(x: [-10, 10], y: [-4, 4], classIndex: [0, 0]))])
        return Figure(rows: [.init(panels: [small, large]), .init(panels: [large, small])],
                      options: FigureOptions(width: 400, height: 400, axes: sharing))
    }

    @Test func sharedAxesGiveEveryPanelTheSameLimits() {
        let panels = FigureLayout(figure(.shared), metrics: ApproximateFontMetrics()).panels
        for panel in panels.dropFirst() { #expect(panel.transform.limits == panels[0].transform.limits) }
        #expect(panels[0].transform.limits.x.contains(-10) && panels[0].transform.limits.x.contains(10))
    }

    @Test func independentAxesFitEachPanel() {
        let panels = FigureLayout(figure(.independent), metrics: ApproximateFontMetrics()).panels
        #expect(panels[0].transform.limits != panels[1].transform.limits)
        #expect(!panels[0].transform.limits.x.contains(-10))
        #expect(panels[0].transform.limits == panels[3].transform.limits)
    }

    @Test func rowSharingSharesWithinARowOnly() {
        var figure = figure(.row)
        figure.rows[1].panels = [figure.rows[0].panels[0], figure.rows[0].panels[0]]
        let rows = FigureLayout(figure, metrics: ApproximateFontMetrics()).rows
        #expect(rows[0][0].transform.limits == rows[0][1].transform.limits)
        #expect(rows[1][0].transform.limits == rows[1][1].transform.limits)
        #expect(rows[0][0].transform.limits != rows[1][0].transform.limits)
    }
}
