import PenvizAnalysis
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizRender

/// ``ComparisonGrid/init(_:panels:)``: the figure of a measured ``Comparison``.
@Suite("ComparisonGrid of a Comparison")
struct ComparisonGridComparisonTests {
    @Test("a row per triplet, run labels over each run's splits, tightness captions, every point")
    func grid() throws {
        let comparison = try ComparisonTestSupport.handComparison()
        let grid = ComparisonGrid(comparison, panels: PlanePanels())
        #expect(grid.columns.map(\.header) == ["hard", "hard", "smoothed", "smoothed"])
        #expect(grid.columns.map(\.title) == ["train", "val", "train", "val"])
        #expect(grid.rows.map(\.label) == ["cat · dog · owl", "similar: owl · cat · dog"])
        #expect(grid.rows.map(\.classNames) == [["cat", "dog", "owl"], ["owl", "cat", "dog"]])
        #expect(grid.rows.allSatisfy { $0.points.count == 4 })
        #expect(grid.rows[1].points.allSatisfy { $0.plane.triplet == Triplet(2, 0, 1) })
        // tightness = (1 + 1/√2)/3 / ((2 + √8 + √12)/3) = 0.56904 / 2.76418 = 0.20586
        #expect(grid.rows[0].captions == Array(repeating: "tightness 0.206", count: 4))
    }

    @Test("captions keep three significant digits and say n/a for a null tightness")
    func captions() {
        #expect(ComparisonGrid.caption(tightness: 3.4) == "tightness 3.40")
        #expect(ComparisonGrid.caption(tightness: 0.04567) == "tightness 0.0457")
        #expect(ComparisonGrid.caption(tightness: nil) == "tightness n/a")
    }
}
