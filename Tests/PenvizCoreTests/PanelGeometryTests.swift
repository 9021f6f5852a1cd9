import Foundation
import PenvizTestSupport
import Testing
@testable import PenvizCore

/// Per-panel spread, separation and tightness against hand-computed values.
struct PanelGeometryTests {
    // Templates t_a = (0,0,0), t_b = (3,0,4), t_c = (0,2,0): in-plane positions
    // (−5/3, −2/3), (10/3, −2/3), (−5/3, 4/3), so the pairwise distances are 5, 2 and √29.
    let plane = try! TemplatePlane(weight: Matrix([[0, 0], [3, 0], [0, 2]]), bias: [0, 4, 0], triplet: Triplet(0, 1, 2))

    @Test func separationIsTheMeanTemplateDistance() {
        let geometry = PanelGeometry(points: [], labels: [], plane: plane)
        #expect(TestData.close(geometry.separation, (5 + 2 + 29.0.squareRoot()) / 3, relative: 1e-15))
    }

    @Test func pointsOnTheTemplatesHaveNoSpread() throws {
        // With every bias 1, the example x = w_k has x̃ = [w_k, 1] = t_k exactly.
        var generator = SeededGenerator(seed: 5)
        let weight = TestData.randomMatrix(4, 16, &generator)
        let plane = try TemplatePlane(weight: weight, bias: [1, 1, 1, 1], triplet: Triplet(3, 0, 2))
        let labels = [3, 0, 2, 3, 0, 2, 0]
        let points = labels.map { plane.project(weight.row($0)) }
        let geometry = PanelGeometry(points: points, labels: labels, plane: plane)
        #expect(geometry.spreads.map(\.classID) == [3, 0, 2])
        #expect(geometry.spreads.map(\.count) == [2, 3, 2])
        for spread in geometry.spreads { #expect(spread.spread! < 1e-14) }
        #expect(geometry.tightness! < 1e-14)
    }

    @Test func handComputedSpreadsAndTightness() {
        let points: [(Double, Double, Int)] = [
            // class 0: (0,0), (2,0): centroid (1,0), squared distances 1, 1 → spread 1
            (0, 0, 0), (2, 0, 0),
            // class 1: (1,1), (1,4), (1,7): centroid (1,4), squared distances 9, 0, 9 → spread √6
            (1, 1, 1), (1, 4, 1), (1, 7, 1),
            // class 2: one point → spread 0
            (3, 4, 2),
            // a class outside the triplet is ignored
            (100, 100, 7),
        ]
        let geometry = PanelGeometry(
            points: points.map { PlanePoint(p1: $0.0, p2: $0.1) }, labels: points.map(\.2), plane: plane)
        #expect(geometry.spreads.map(\.count) == [2, 3, 1])
        #expect(TestData.close(geometry.spreads[0].spread!, 1, relative: 1e-15))
        #expect(TestData.close(geometry.spreads[1].spread!, 6.0.squareRoot(), relative: 1e-15))
        #expect(geometry.spreads[2].spread == 0)
        let separation = (5 + 2 + 29.0.squareRoot()) / 3
        #expect(TestData.close(geometry.tightness!, (1 + 6.0.squareRoot() + 0) / 3 / separation, relative: 1e-15))
        #expect(geometry.emptyClasses.isEmpty)
    }

    @Test func aClassWithoutPointsHasNullSpreadAndTightness() throws {
        let geometry = PanelGeometry(
            points: [PlanePoint(p1: 0, p2: 0), PlanePoint(p1: 1, p2: 1)], labels: [0, 1], plane: plane)
        #expect(geometry.spreads[2].spread == nil)
        #expect(geometry.spreads[2].count == 0)
        #expect(geometry.tightness == nil)
        #expect(geometry.emptyClasses == [2])
        // and the nulls survive a JSON round trip
        let json = try JSONEncoder().encode(geometry)
        #expect(try JSONDecoder().decode(PanelGeometry.self, from: json) == geometry)
    }
}
