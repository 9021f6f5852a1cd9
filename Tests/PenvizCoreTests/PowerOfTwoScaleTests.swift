import Testing

@testable import PenvizCore

/// ``PowerOfTwoScale``, against powers of two written out by hand.
@Suite("Power-of-two scale")
struct PowerOfTwoScaleTests {
    @Test("the power of two at or below the largest magnitude, and its inverse")
    func scales() {
        #expect(PowerOfTwoScale.of([3, -5]) == 4 && PowerOfTwoScale.inverse(of: [3, -5]) == 0.25)
        #expect(PowerOfTwoScale.of([0.3]) == 0.25 && PowerOfTwoScale.inverse(of: [0.3]) == 4)
        #expect(PowerOfTwoScale.of([1e300]) == 0x1p996 && PowerOfTwoScale.inverse(of: [-1e300]) == 0x1p-996)
        // 8 is a power of two: it scales to exactly 1.
        #expect(PowerOfTwoScale.of([8, 1]) == 8)
    }

    @Test("nothing to scale, or nothing a scale could save: 1")
    func unscaled() {
        #expect(PowerOfTwoScale.of([Double]()) == 1 && PowerOfTwoScale.of([0, -0.0]) == 1)
        #expect(PowerOfTwoScale.of([1, .infinity]) == 1 && PowerOfTwoScale.inverse(of: [-.infinity]) == 1)
    }

    @Test("subnormal values: the inverse stops at 2^1023, and scaling changes no digit")
    func subnormal() {
        let tiny = 0x1p-1060
        #expect(PowerOfTwoScale.of([tiny]) == tiny && PowerOfTwoScale.inverse(of: [tiny]) == 0x1p1023)
        for x in [1e300, 3.7, 1e-300, tiny] {
            let s = PowerOfTwoScale.of([x])
            #expect((x / s) * s == x && (1..<2).contains(x / s))
        }
    }
}
