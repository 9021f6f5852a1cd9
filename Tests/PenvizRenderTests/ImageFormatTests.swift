import PenvizCore
import Testing
@testable import PenvizRender

@Suite struct ImageFormatTests {
    @Test func extensionPicksTheFormat() throws {
        #expect(try ImageFormat(path: "fig.png") == .png)
        #expect(try ImageFormat(path: "out/Fig.SVG") == .svg)
        #expect(try ImageFormat(path: "/tmp/a.b/fig.pdf") == .pdf)
    }

    @Test func otherNamesAreUsageErrors() {
        for path in ["fig.jpg", "fig", "out.png/fig", ".png", "fig."] {
            #expect(throws: PenvizError.self) { try ImageFormat(path: path) }
            do { _ = try ImageFormat(path: path) } catch let error as PenvizError {
                #expect(error.kind == .usage)
                #expect(error.exitCode == 64)
            } catch { Issue.record("unexpected \(error)") }
        }
    }
}
