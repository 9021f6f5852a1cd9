import Testing
@testable import PenvizRender

@Suite struct SVGIdentifiersTests {
    @Test func idsAreRenumberedPerPrefixInOrderOfDefinition() {
        let svg = """
        <defs><clipPath id="clip7"><rect/></clipPath><clipPath id="clip3"/>\
        <g id="surface42" clip-path="url(#clip7)"><use xlink:href="#glyph0-1"/></g></defs>\
        <g id="surface9"><use xlink:href="#surface42" transform="matrix(1,0,0,1,2,3)"/>\
        <g clip-path="url(#clip3)"><use xlink:href="#surface42"/></g></g>
        """
        let expected = """
        <defs><clipPath id="clip1"><rect/></clipPath><clipPath id="clip2"/>\
        <g id="surface1" clip-path="url(#clip1)"><use xlink:href="#glyph0-1"/></g></defs>\
        <g id="surface2"><use xlink:href="#surface1" transform="matrix(1,0,0,1,2,3)"/>\
        <g clip-path="url(#clip2)"><use xlink:href="#surface1"/></g></g>
        """
        #expect(String(decoding: SVGIdentifiers.renumbered(Array(svg.utf8)), as: UTF8.self) == expected)
    }

    @Test func aLongerIdIsNotMistakenForAShorterOne() {
        let svg = ##"<g id="surface1"/><g id="surface10"/><use xlink:href="#surface10"/><use xlink:href="#surface1"/>"##
        let expected = ##"<g id="surface1"/><g id="surface2"/><use xlink:href="#surface2"/><use xlink:href="#surface1"/>"##
        #expect(String(decoding: SVGIdentifiers.renumbered(Array(svg.utf8)), as: UTF8.self) == expected)
    }
}
