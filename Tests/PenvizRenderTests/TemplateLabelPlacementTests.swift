import Testing
@testable import PenvizRender

@Suite struct TemplateLabelPlacementTests {
    @Test func labelsFaceAwayFromTheMiddleOfTheTemplates() {
        // Page coordinates: y grows downwards, so (50, 0) is the top template.
        let centers = [Point(x: 0, y: 90), Point(x: 100, y: 90), Point(x: 50, y: 0)]
        let placements = TemplateLabelPlacement.outward(from: centers, reach: 10)
        // The middle is (50, 60). The bottom left template points left and down.
        #expect(placements[0].anchor == TextAnchor(.trailing, .top))
        #expect(placements[1].anchor == TextAnchor(.leading, .top))
        // The top template points straight up: centred, text above.
        #expect(placements[2].anchor == TextAnchor(.center, .bottom))
        #expect(placements[2].position == Point(x: 50, y: -10))
        // 10 points along (−50, 30)/√3400.
        let length = (50.0 * 50 + 30 * 30).squareRoot()
        #expect(abs(placements[0].position.x - (0 - 500 / length)) < 1e-12)
        #expect(abs(placements[0].position.y - (90 + 300 / length)) < 1e-12)
    }

    @Test func aLoneTemplateIsLabelledUpAndRight() {
        let placement = TemplateLabelPlacement.outward(from: [Point(x: 5, y: 5)], reach: 2)[0]
        #expect(placement.anchor == TextAnchor(.leading, .bottom))
        #expect(placement.position.x > 5 && placement.position.y < 5)
    }
}
