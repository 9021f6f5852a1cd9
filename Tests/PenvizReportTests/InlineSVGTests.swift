import Testing
@testable import PenvizReport

/// ``InlineSVG`` turns a standalone SVG file into an element for an HTML page.
@Suite struct InlineSVGTests {
    private func element(_ svg: String, prefix: String = "f1-") -> String {
        InlineSVG.element(Array(svg.utf8), idPrefix: prefix, attributes: #"class="graphic""#)
    }

    @Test func dropsTheDeclarationAndAddsTheAttributes() {
        let svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg width=\"10pt\"><rect/></svg>\n\n"
        #expect(element(svg) == #"<svg class="graphic" width="10pt"><rect/></svg>"#)
    }

    @Test func prefixesEveryIdAndEveryReferenceToOne() {
        let svg = ##"<svg><defs><g id="glyph0-1"/><clipPath id="clip1"/></defs>"##
            + ##"<use xlink:href="#glyph0-1" x="1"/><g clip-path="url(#clip1)"/></svg>"##
        let expected = ##"<svg class="graphic"><defs><g id="f1-glyph0-1"/><clipPath id="f1-clip1"/></defs>"##
            + ##"<use xlink:href="#f1-glyph0-1" x="1"/><g clip-path="url(#f1-clip1)"/></svg>"##
        #expect(element(svg) == expected)
    }

    @Test func leavesLookalikesAlone() {
        // "grid=", an href to a web address, a url() without "#", and "id" not after a space.
        let svg = ##"<svg><g grid="1" data-id="x"><a href="https://x.org/#top"/><g fill="url(a.png)"/></g></svg>"##
        #expect(element(svg) == ##"<svg class="graphic"><g grid="1" data-id="x"><a href="https://x.org/#top"/><g fill="url(a.png)"/></g></svg>"##)
    }

    @Test func twoFiguresGetDisjointIds() {
        let svg = ##"<svg><g id="a"/><use href="#a"/></svg>"##
        #expect(element(svg, prefix: "f1-") == ##"<svg class="graphic"><g id="f1-a"/><use href="#f1-a"/></svg>"##)
        #expect(element(svg, prefix: "f2-") == ##"<svg class="graphic"><g id="f2-a"/><use href="#f2-a"/></svg>"##)
    }

    @Test func keepsMultibyteText() {
        let svg = "<svg><text id=\"t\">σ² · Î</text></svg>"
        #expect(element(svg) == "<svg class=\"graphic\"><text id=\"f1-t\">σ² · Î</text></svg>")
    }
}
