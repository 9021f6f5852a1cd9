import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import PenvizRender

@Suite struct SVGOutputTests {
    /// Counts `<use>` elements by what they refer to.
    final class UseCounter: NSObject, XMLParserDelegate {
        var markers = 0
        var glyphs = 0
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            guard name == "use", let target = attributes["xlink:href"] ?? attributes["href"] else { return }
            if target.hasPrefix("#glyph") { glyphs += 1 } else { markers += 1 }
        }
    }

    @Test func svgParsesAndHoldsOneMarkPerPoint() throws {
        let svg = try TestFigures.scatter(perClass: 50).encoded(as: .svg)
        let parser = XMLParser(data: Data(svg))
        let counter = UseCounter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.markers == 150)
        #expect(counter.glyphs > 0)
    }

    @Test func eachPointCostsUnderAHundredBytes() throws {
        let empty = try TestFigures.scatter(perClass: 0).encoded(as: .svg).count
        let full = try TestFigures.scatter(perClass: 1000).encoded(as: .svg).count
        let perPoint = Double(full - empty) / 3000
        #expect(perPoint < 100, "\(perPoint) bytes a point")
    }
}
