import Testing
@testable import PenvizRender

@Suite struct PlacedTextTests {
    /// 10 pt text of 4 characters at 0.5 em: 20 wide, ascent 8, descent 2.
    struct FixedMetrics: FontMetrics {
        func measure(_ text: String, in font: Font) -> TextExtent {
            TextExtent(width: Double(text.count) * 0.5 * font.size, ascent: 0.8 * font.size, descent: 0.2 * font.size)
        }
    }

    @Test func anchorsPlaceTheBoundsAroundThePosition() {
        let centred = PlacedText("abcd", at: Point(x: 100, y: 50), anchor: TextAnchor(.center, .middle),
                                 font: Font(size: 10), color: .black, metrics: FixedMetrics())
        #expect(centred.bounds == Rect(x: 90, y: 45, width: 20, height: 10))
        let trailing = PlacedText("abcd", at: Point(x: 100, y: 50), anchor: TextAnchor(.trailing, .baseline),
                                  font: Font(size: 10), color: .black, metrics: FixedMetrics())
        #expect(trailing.bounds == Rect(x: 80, y: 42, width: 20, height: 10))
    }

    @Test func upwardTextIsTallAndNarrow() {
        // Reading bottom to top, the start of the line is at the bottom and the
        // glyph tops face left.
        let upward = PlacedText("abcd", at: Point(x: 100, y: 50), anchor: TextAnchor(.leading, .top),
                                font: Font(size: 10), color: .black, orientation: .upward, metrics: FixedMetrics())
        #expect(upward.bounds == Rect(x: 100, y: 30, width: 10, height: 20))
    }

    @Test func textLongerThanItsRoomIsCutAndEndsInAnEllipsis() {
        // 5 pt a character at 10 pt: 40 pt holds eight characters, so seven and "…".
        let cut = PlacedText.fitted("goldfish, Carassius auratus", maxWidth: 40, font: Font(size: 10), metrics: FixedMetrics())
        #expect(cut == "goldfis…")
        // A cut never ends in a space before the ellipsis: "great …" becomes "great…".
        #expect(PlacedText.fitted("great white shark", maxWidth: 35, font: Font(size: 10), metrics: FixedMetrics()) == "great…")
        #expect(PlacedText.fitted("cat", maxWidth: 15, font: Font(size: 10), metrics: FixedMetrics()) == "cat")
        #expect(PlacedText.fitted("cats", maxWidth: 3, font: Font(size: 10), metrics: FixedMetrics()) == "…")
        let placed = PlacedText("goldfish, Carassius auratus", at: Point(x: 0, y: 0), anchor: TextAnchor(.leading, .top),
                                font: Font(size: 10), color: .black, maxWidth: 40, metrics: FixedMetrics())
        #expect(placed.text == "goldfis…" && placed.bounds.width == 40)
    }

    @Test func captionsWrapBetweenListItemsThenAtSpacesAndCutTheLastLine() {
        let font = Font(size: 10)  // 5 pt a character
        // Whole items of a " · " list when they fit: 100 pt holds 20 characters.
        #expect(PlacedText.wrapped("ECE 0.0174 (CI 0.01–0.02) · MCE 0.772 · NLL 0.231", maxWidth: 130, maxLines: 2,
                                   font: font, metrics: FixedMetrics())
            == ["ECE 0.0174 (CI 0.01–0.02)", "MCE 0.772 · NLL 0.231"])
        // An item too long for a line: broken at spaces instead, each line as full as it can be.
        #expect(PlacedText.wrapped("tightness of the three classes", maxWidth: 60, maxLines: 3, font: font,
                                   metrics: FixedMetrics())
            == ["tightness of", "the three", "classes"])
        // What is left after the last line's room is cut with "…".
        #expect(PlacedText.wrapped("one two three four five six", maxWidth: 40, maxLines: 2, font: font,
                                   metrics: FixedMetrics())
            == ["one two", "three f…"])
        #expect(PlacedText.wrapped("short", maxWidth: 100, maxLines: 2, font: font, metrics: FixedMetrics()) == ["short"])
    }

    @Test func controlCharactersAreDrawnAsEscapes() {
        let placed = PlacedText("do\ng\u{1B}[31m", at: Point(x: 0, y: 0), anchor: TextAnchor(.leading, .top),
                                font: Font(size: 10), color: .black, metrics: FixedMetrics())
        #expect(placed.text == #"do\ng\u{1B}[31m"#)
        #expect(placed.bounds.width == Double(placed.text.count) * 5)
    }
}
