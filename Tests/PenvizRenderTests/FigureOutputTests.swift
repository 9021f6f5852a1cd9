import PenvizCore
import Testing
import PenvizRender

@Suite struct FigureOutputTests {
    @Test(arguments: ImageFormat.allCases)
    func anEmptyFigureIsABlankPage(format: ImageFormat) throws {
        #expect(try !Figure(rows: []).encoded(as: format).isEmpty)
        #expect(try !Figure(rows: [.init(panels: [])]).encoded(as: format).isEmpty)
    }

    @Test func optionsThatCannotBeDrawnAreUsageErrors() {
        let broken: [FigureOptions] = [
            FigureOptions(width: 0), FigureOptions(height: -1), FigureOptions(scale: .nan),
            FigureOptions(pointSize: .infinity), FigureOptions(pointAlpha: 1.5),
        ]
        for options in broken {
            do {
                _ = try Figure(rows: [], options: options).encoded(as: .svg)
                Issue.record("\(options) was drawn")
            } catch let error as PenvizError {
                #expect(error.kind == .usage)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func aPNGTooLargeForCairoIsAUsageError() {
        // 12 000 points at 3 pixels a point is 36 000 pixels, past Cairo's 32 767.
        do {
            _ = try Figure(rows: [], options: FigureOptions(width: 12_000)).encoded(as: .png)
            Issue.record("a 36 000 pixel PNG was drawn")
        } catch let error as PenvizError {
            #expect(error.kind == .usage)
            #expect(error.message.contains("32767"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
