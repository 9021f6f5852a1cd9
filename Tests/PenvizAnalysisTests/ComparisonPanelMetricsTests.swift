import Foundation
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// The per-panel geometry of ``ComparisonMetrics/PanelMetrics``, solved by hand.
///
/// With templates t_0 = (0,0,0), t_1 = (2,0,0), t_2 = (0,2,2) the plane has
/// o = (2/3, 2/3, 2/3), e1 = (1,0,0), e2 = (0,1,1)/√2, so x = (x₁, x₂) lands at
/// p = (x₁ − 2/3, (x₂ − 1/3)/√2): plane distances are those of (x₁, x₂/√2).
@Suite("Comparison panel metrics")
struct ComparisonPanelMetricsTests {
    /// (‖t_0 − t_1‖ + ‖t_0 − t_2‖ + ‖t_1 − t_2‖) / 3 = (2 + √8 + √12) / 3
    static let separation = (2 + 8.0.squareRoot() + 12.0.squareRoot()) / 3

    static func measure(_ run: Run, _ triplet: Triplet, split: String = "val") throws -> ComparisonMetrics.PanelMetrics {
        let plane = try TemplatePlane(weight: run.weight, bias: run.bias, triplet: triplet)
        let points = try SplitMeasurement(run.split(named: split)!, in: LogitSpace(run: run), planes: [plane], alpha: nil).panels[0]
        return ComparisonMetrics.PanelMetrics(measuring: points, run: "hard", split: split, classNames: run.classNames)
    }

    @Test("spreads 1, 1/√2 and 0; tightness is their mean over the separation")
    func handSolved() throws {
        // class 0 at x₁ = ±1 (2 apart along e1): each point 1 from the centroid;
        // class 1 at x₂ = 0 and 2 (2/√2 apart along e2): each 1/√2 from it; class 2 is one point.
        let panel = try Self.measure(try ComparisonTestSupport.handSolved(), Triplet(0, 1, 2))
        #expect(panel.run == "hard" && panel.split == "val")
        #expect(panel.spreads.map(\.id) == [0, 1, 2])
        #expect(panel.spreads.map(\.name) == ["cat", "dog", "owl"])
        #expect(panel.spreads.map(\.count) == [2, 2, 1])
        let expected = [1, 1 / 2.0.squareRoot(), 0]
        for (spread, want) in zip(panel.spreads, expected) { #expect(ComparisonTestSupport.close(spread.spread, want)) }
        #expect(ComparisonTestSupport.close(panel.separation, Self.separation))
        #expect(ComparisonTestSupport.close(panel.tightness, (1 + 1 / 2.0.squareRoot()) / 3 / Self.separation))
    }

    @Test("spreads follow the triplet's order; separation and tightness do not depend on it")
    func order() throws {
        let panel = try Self.measure(try ComparisonTestSupport.handSolved(), Triplet(2, 0, 1))
        #expect(panel.spreads.map(\.id) == [2, 0, 1])
        #expect(ComparisonTestSupport.close(panel.spreads[1].spread, 1))
        #expect(ComparisonTestSupport.close(panel.separation, Self.separation))
        #expect(ComparisonTestSupport.close(panel.tightness, (1 + 1 / 2.0.squareRoot()) / 3 / Self.separation))
    }

    @Test("points placed exactly on their templates have spread 0 and tightness 0")
    func onTemplates() throws {
        // bias 1 for every class: x̃ = [w_k, 1] = t_k when x = w_k.
        let weight: [[Double]] = [[0, 0], [3, 1], [1, 4]]
        let run = try ComparisonTestSupport.run(
            weight: weight, bias: [1, 1, 1], names: ["a", "b", "c"],
            splits: [.init(name: "val", features: weight + weight, labels: [0, 1, 2, 0, 1, 2])])
        let panel = try Self.measure(run, Triplet(0, 1, 2))
        #expect(panel.spreads.map(\.spread) == [0, 0, 0])
        #expect(panel.tightness == 0)
        // ‖(3,1)‖ = √10, ‖(1,4)‖ = √17, ‖(2,−3)‖ = √13
        #expect(ComparisonTestSupport.close(panel.separation, (10.0.squareRoot() + 17.0.squareRoot() + 13.0.squareRoot()) / 3))
    }

    @Test("a class without examples has a null spread and makes the tightness null")
    func emptyClass() throws {
        let run = try ComparisonTestSupport.run(
            weight: [[0, 0], [2, 0], [0, 2]], bias: [0, 0, 2], names: ["cat", "dog", "owl"],
            splits: [.init(name: "val", features: [[1, 1], [-1, 1], [2, 0]], labels: [0, 0, 1])])
        let panel = try Self.measure(run, Triplet(0, 1, 2))
        #expect(panel.spreads[2].count == 0 && panel.spreads[2].spread == nil)
        #expect(panel.spreads[1].spread == 0)
        #expect(panel.tightness == nil)
    }
}
