import Testing
@testable import PenvizRender

@Suite struct RasterMarkersTests {
    @Test func overMatchesPremultipliedBlendingByHand() {
        // Half-opaque red (premultiplied 0x80800000) over opaque white:
        // each channel s + round(255 · 127 / 255) = s + 127.
        #expect(RasterMarkers.over(0x8080_0000, 0xFFFF_FFFF) == 0xFFFF_7F7F)
        // Opaque source replaces; transparent source keeps.
        #expect(RasterMarkers.over(0xFF12_3456, 0xFFFF_FFFF) == 0xFF12_3456)
        #expect(RasterMarkers.over(0x0000_0000, 0xFFAB_CDEF) == 0xFFAB_CDEF)
        // Over a transparent target the source is kept as is.
        #expect(RasterMarkers.over(0x4020_1000, 0x0000_0000) == 0x4020_1000)
        // 0x40 (64) over 200: 64 + round(200 · 191 / 255) = 64 + round(149.8) = 64 + 150 = 214 = 0xD6.
        #expect(RasterMarkers.over(0x4040_4040, 0xC8C8_C8C8) == 0xD6D6_D6D6)
    }
}
