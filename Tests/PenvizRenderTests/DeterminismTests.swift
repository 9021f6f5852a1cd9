import Testing
import PenvizRender

@Suite struct DeterminismTests {
    @Test(arguments: ImageFormat.allCases)
    func theSameFigureGivesTheSameBytesWithinOneProcess(format: ImageFormat) throws {
        let figure = TestFigures.scatter(perClass: 40)
        let first = try figure.encoded(as: format)
        // Drawing something else in between moves Cairo's process-wide counters.
        _ = try TestFigures.scatter(perClass: 7, title: "other", width: 400).encoded(as: format)
        let second = try figure.encoded(as: format)
        #expect(first == second)
        #expect(!first.isEmpty)
    }
}
