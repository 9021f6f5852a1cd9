import Foundation
import PenvizTestSupport
import Testing
@testable import PenvizCore

/// The template plane (DESIGN.md §2) against cases solved by hand and against its invariants.
struct TemplatePlaneTests {
    // Weights in R² plus biases whose augmented templates are
    // t_a = (0, 0, 0), t_b = (3, 0, 4), t_c = (0, 2, 0).
    // By hand: o = (1, 2/3, 4/3); u1 = (3, 0, 4), ‖u1‖ = 5, e1 = (0.6, 0, 0.8);
    // u2 = (0, 2, 0) is already orthogonal to e1, so e2 = (0, 1, 0).
    let weight = Matrix([[0, 0], [3, 0], [0, 2]])
    let bias = [0.0, 4, 0]

    @Test func closedFormBasisAndCoordinatesWithBias() throws {
        let plane = try TemplatePlane(weight: weight, bias: bias, triplet: Triplet(0, 1, 2))
        expectVector(plane.origin, [1, 2.0 / 3, 4.0 / 3])
        expectVector(plane.e1, [0.6, 0, 0.8])
        expectVector(plane.e2, [0, 1, 0])
        // (t − o)·e1 and (t − o)·e2:
        // t_a: (−1)(0.6) + (−4/3)(0.8) = −5/3,  −2/3
        // t_b: (2)(0.6) + (8/3)(0.8) = 10/3,    −2/3
        // t_c: (−1)(0.6) + (−4/3)(0.8) = −5/3,   4/3
        expectPoints(plane.templateCoordinates, [(-5.0 / 3, -2.0 / 3), (10.0 / 3, -2.0 / 3), (-5.0 / 3, 4.0 / 3)])
        // x = (2, 5), x̃ = (2, 5, 1): p1 = (1)(0.6) + (−1/3)(0.8) = 1/3, p2 = 5 − 2/3 = 13/3
        expectPoints([plane.project([2, 5])], [(1.0 / 3, 13.0 / 3)])
    }

    @Test func closedFormWithoutBias() throws {
        // t_a = (0, 0), t_b = (3, 0), t_c = (0, 2): o = (1, 2/3), e1 = (1, 0), e2 = (0, 1), p = x − o.
        let plane = try TemplatePlane(weight: weight, bias: bias, triplet: Triplet(0, 1, 2), includeBias: false)
        expectVector(plane.origin, [1, 2.0 / 3])
        expectVector(plane.e1, [1, 0])
        expectVector(plane.e2, [0, 1])
        expectPoints(plane.templateCoordinates, [(-1, -2.0 / 3), (2, -2.0 / 3), (-1, 4.0 / 3)])
        expectPoints([plane.project([2, 5])], [(1, 13.0 / 3)])
    }

    @Test func templatesNear1e300GiveTheSameBasis() throws {
        // The hand-solved templates times 2^1000 (about 1e301): their squares overflow Float64, the
        // basis must not. A power of two scales exactly, so e1 and e2 are those of the case above
        // and the coordinates scale by the same power.
        let factor = Double(sign: .plus, exponent: 1000, significand: 1)
        let plane = try TemplatePlane(
            weight: Matrix(rows: 3, columns: 2, values: weight.values.map { $0 * factor }), bias: bias.map { $0 * factor },
            triplet: Triplet(0, 1, 2))
        expectVector(plane.e1, [0.6, 0, 0.8])
        expectVector(plane.e2, [0, 1, 0])
        expectPoints(plane.templateCoordinates.map { PlanePoint(p1: $0.p1 / factor, p2: $0.p2 / factor) },
                     [(-5.0 / 3, -2.0 / 3), (10.0 / 3, -2.0 / 3), (-5.0 / 3, 4.0 / 3)])
    }

    @Test func basisIsOrthonormalAndSpansTheTemplatesIn512Dimensions() throws {
        var generator = SeededGenerator(seed: 512)
        for _ in 0..<20 {
            let weight = TestData.randomMatrix(3, 511, &generator)
            let bias = TestData.uniform(3, &generator)
            let plane = try TemplatePlane(weight: weight, bias: bias, triplet: Triplet(0, 1, 2))
            #expect(plane.e1.count == 512)
            #expect(abs(dot(plane.e1, plane.e2)) < 1e-12)
            #expect(abs(dot(plane.e1, plane.e1).squareRoot() - 1) < 1e-12)
            #expect(abs(dot(plane.e2, plane.e2).squareRoot() - 1) < 1e-12)
            // Each template is o + p1·e1 + p2·e2 exactly (it lies in the plane).
            let templates = ClassTemplates(weight: weight, bias: bias)
            for (k, point) in plane.templateCoordinates.enumerated() {
                let rebuilt = (0..<512).map { plane.origin[$0] + point.p1 * plane.e1[$0] + point.p2 * plane.e2[$0] }
                expectVector(rebuilt, templates.template(k), tolerance: 1e-12)
            }
        }
    }

    @Test func distancesBetweenPointsInThePlaneArePreserved() throws {
        // With every bias equal to 1, an affine combination Σλ_k t_k (Σλ = 1) is [Σλ_k w_k, 1]:
        // the augmented example of x = Σλ_k w_k, lying in the plane. Its projection is exact.
        var generator = SeededGenerator(seed: 7)
        let weight = TestData.randomMatrix(3, 40, &generator)
        let plane = try TemplatePlane(weight: weight, bias: [1, 1, 1], triplet: Triplet(0, 1, 2))
        let points: [[Double]] = (0..<10).map { _ in
            let l1 = 4 * generator.nextUnitInterval() - 2, l2 = 4 * generator.nextUnitInterval() - 2
            let l0 = 1 - l1 - l2
            return (0..<40).map { l0 * weight[0, $0] + l1 * weight[1, $0] + l2 * weight[2, $0] }
        }
        let projected = points.map { plane.project($0) }
        for i in points.indices {
            for j in points.indices where j > i {
                let full = zip(points[i], points[j]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
                #expect(TestData.close(projected[i].distance(to: projected[j]), full, relative: 1e-12))
            }
        }
    }

    @Test func orderRuleSwappingFirstTwoClassesFlipsP1() throws {
        // The rule: e1 points from a to b, e2 towards c. Swapping a and b negates e1
        // and leaves e2 (the part of t_c − t_a orthogonal to e1 equals that of t_c − t_b).
        var generator = SeededGenerator(seed: 11)
        let weight = TestData.randomMatrix(4, 30, &generator)
        let bias = TestData.uniform(4, &generator)
        let abc = try TemplatePlane(weight: weight, bias: bias, triplet: Triplet(0, 2, 3))
        let bac = try TemplatePlane(weight: weight, bias: bias, triplet: Triplet(2, 0, 3))
        for _ in 0..<20 {
            let x = TestData.uniform(30, in: -3...3, &generator)
            let p = abc.project(x), q = bac.project(x)
            #expect(TestData.close(q.p1, -p.p1, absolute: 1e-12))
            #expect(TestData.close(q.p2, p.p2, absolute: 1e-12))
        }
        // Class c lies on the positive side of e2 whatever the order.
        #expect(abc.templateCoordinates[2].p2 > 0)
        #expect(bac.templateCoordinates[2].p2 > 0)
    }

    @Test func everyOrderOfTheClassesIsARotationOrReflectionOfTheOthers() throws {
        var generator = SeededGenerator(seed: 13)
        let weight = TestData.randomMatrix(3, 25, &generator)
        let bias = TestData.uniform(3, &generator)
        let orders = [(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)]
        let planes = try orders.map { try TemplatePlane(weight: weight, bias: bias, triplet: Triplet($0.0, $0.1, $0.2)) }
        let xs = (0..<8).map { _ in TestData.uniform(25, in: -2...2, &generator) }
        let reference = xs.map { planes[0].project($0) }
        for plane in planes.dropFirst() {
            #expect(plane.origin == planes[0].origin)
            let projected = xs.map { plane.project($0) }
            let origin = PlanePoint(p1: 0, p2: 0)
            for i in xs.indices {
                // distance to the shared origin and between every pair are unchanged
                #expect(TestData.close(projected[i].distance(to: origin), reference[i].distance(to: origin), absolute: 1e-12))
                for j in xs.indices where j > i {
                    #expect(TestData.close(
                        projected[i].distance(to: projected[j]), reference[i].distance(to: reference[j]), absolute: 1e-12))
                }
            }
        }
    }

    @Test func collinearTemplatesThrowAndNameTheClasses() {
        // t = (0, 0, 0), (1, 1, 1), (2, 2, 2): on one line.
        let weight = Matrix([[0, 0], [1, 1], [2, 2]])
        let names = ["cat", "dog", "fox"]
        #expect {
            try TemplatePlane(weight: weight, bias: [0, 1, 2], triplet: Triplet(0, 1, 2), classNames: names)
        } throws: { error in
            let message = (error as? PenvizError)?.message ?? ""
            return (error as? PenvizError)?.kind == .input
                && message.contains("'cat' (0)") && message.contains("'dog' (1)") && message.contains("'fox' (2)")
                && message.contains("collinear")
        }
    }

    @Test func equalTemplatesThrow() {
        let weight = Matrix([[1, 2], [1, 2], [0, 5]])
        #expect(throws: PenvizError.self) {
            try TemplatePlane(weight: weight, bias: [3, 3, 0], triplet: Triplet(0, 1, 2))
        }
        // a equal to c: u1 is fine but v = 0.
        #expect(throws: PenvizError.self) {
            try TemplatePlane(weight: weight, bias: [3, 3, 0], triplet: Triplet(1, 2, 0))
        }
    }

    @Test func nearlyCollinearIsJudgedAgainstTheTemplateScale() throws {
        // t_a = (0,0,0), t_b = (1,0,0), t_c = (2, h, 0): ‖v‖ = h, threshold = 1e-9 · max(‖t‖, 1) = 1e-9 · 2.
        func plane(_ h: Double) throws -> TemplatePlane {
            try TemplatePlane(weight: Matrix([[0, 0], [1, 0], [2, h]]), bias: [0, 0, 0], triplet: Triplet(0, 1, 2))
        }
        #expect(throws: PenvizError.self) { try plane(1e-9) }
        let fine = try plane(1e-8)
        #expect(TestData.close(fine.templateCoordinates[2].p2 - fine.templateCoordinates[0].p2, 1e-8, relative: 1e-6))
    }

    @Test func invalidTripletsAreUsageErrors() {
        #expect {
            try TemplatePlane(weight: weight, bias: bias, triplet: Triplet(0, 0, 2))
        } throws: { ($0 as? PenvizError)?.kind == .usage }
        #expect {
            try TemplatePlane(weight: weight, bias: bias, triplet: Triplet(0, 1, 3))
        } throws: { ($0 as? PenvizError)?.kind == .usage }
    }

    @Test func encodesAndDecodesItsBasis() throws {
        let plane = try TemplatePlane(weight: weight, bias: bias, triplet: Triplet(2, 0, 1))
        let data = try JSONEncoder().encode(plane)
        let decoded = try JSONDecoder().decode(TemplatePlane.self, from: data)
        #expect(decoded.e1 == plane.e1 && decoded.e2 == plane.e2 && decoded.origin == plane.origin)
        #expect(decoded.triplet == plane.triplet && decoded.templateCoordinates == plane.templateCoordinates)
        #expect(decoded.project([2, 5]) == plane.project([2, 5]))
    }

    // MARK: helpers

    private func dot(_ x: [Double], _ y: [Double]) -> Double {
        zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
    }

    private func expectVector(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-15,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (x, y) in zip(actual, expected) {
            #expect(TestData.close(x, y, relative: tolerance, absolute: tolerance), "\(actual) vs \(expected)", sourceLocation: sourceLocation)
        }
    }

    private func expectPoints(_ actual: [PlanePoint], _ expected: [(Double, Double)],
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (point, (p1, p2)) in zip(actual, expected) {
            #expect(TestData.close(point.p1, p1, relative: 1e-14, absolute: 1e-14), "\(point) vs \((p1, p2))", sourceLocation: sourceLocation)
            #expect(TestData.close(point.p2, p2, relative: 1e-14, absolute: 1e-14), "\(point) vs \((p1, p2))", sourceLocation: sourceLocation)
        }
    }
}
