import Foundation
import Testing
@testable import PenvizCore

/// ``NonPositiveExp`` against the C library's `exp` over x ≤ 0.
struct NonPositiveExpTests {
    /// The largest relative difference from `exp` over `xs`, through ``NonPositiveExp/apply(_:)``.
    static func worst(_ xs: [Double]) -> Double {
        var values = xs
        values.withUnsafeMutableBufferPointer { NonPositiveExp.apply($0) }
        return zip(xs, values).map { x, value in
            let want = exp(x)
            return want == 0 ? (value == 0 ? 0 : .infinity) : abs(value - want) / want
        }.max()!
    }

    @Test func withinAFewUnitsInTheLastPlaceOverTheWholeRange() {
        var generator = SeededGenerator(seed: 41)
        // Uniform over [−708, 0], and dense near 0 where the polynomial does all the work.
        let wide = (0..<100_003).map { _ in -708 * generator.nextUnitInterval() }
        let near = (0..<50_001).map { _ in -generator.nextUnitInterval() * 1e-3 }
        #expect(Self.worst(wide) <= 3e-16)
        #expect(Self.worst(near) <= 3e-16)
    }

    @Test func zeroInfinitiesNaNAndSubnormalResults() {
        var values: [Double] = [0, -0.0, -.infinity, -745.2, -1000, -708.5, -720, .nan, -1, -2, -3]
        let xs = values
        values.withUnsafeMutableBufferPointer { NonPositiveExp.apply($0) }
        #expect(values[0] == 1 && values[1] == 1)
        #expect(values[2] == 0 && values[3] == 0 && values[4] == 0)
        // Subnormal results come from the C library, bit for bit.
        #expect(values[5] == exp(xs[5]) && values[6] == exp(xs[6]))
        #expect(values[7].isNaN)
        for i in 8..<11 { #expect(abs(values[i] - exp(xs[i])) <= 3e-16 * exp(xs[i])) }
    }

    @Test func aLaneGivesTheSameBitsInAVectorAndInTheTail() {
        // 7 values: lanes 0–3 as a vector, 4–6 one at a time; shifted by one, the roles swap.
        let xs: [Double] = [-0.1, -3.7, -12.25, -0.5, -99.9, -1e-9, -40]
        var a = xs, b = [0] + xs
        a.withUnsafeMutableBufferPointer { NonPositiveExp.apply($0) }
        b.withUnsafeMutableBufferPointer { NonPositiveExp.apply($0) }
        #expect(a.map(\.bitPattern) == b.dropFirst().map(\.bitPattern))
    }
}
