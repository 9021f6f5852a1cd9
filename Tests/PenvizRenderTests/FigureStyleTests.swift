import PenvizCore
import Testing

@testable import PenvizRender

/// A figure's style: the size of its text (``FigureOptions/fontScale``), its
/// colours (``Palette``), and text that must fit its room (captions, text marks, the page).
@Suite("Figure style")
struct FigureStyleTests {
    let metrics = ApproximateFontMetrics()

    /// One panel with a title, axis labels, a caption and a 6 pt text mark at (0.5, 0.5).
    static func panel(caption: String = "ECE 0.1", mark: TextMark? = nil) -> Panel {
        Panel(title: "run · test", caption: caption,
              marks: [.text(mark ?? TextMark("7.7k", at: .data(Point(x: 0.5, y: 0.5)), font: Font(size: 6)))],
              aspect: .free, xLimits: 0...1, yLimits: 0...1, xLabel: "confidence", yLabel: "accuracy")
    }

    @Test("--font-scale 2 sets every text twice as large, text marks included", arguments: [0.5, 2.0])
    func fontScale(scale: Double) {
        let figure = Figure(rows: [.init(panels: [Self.panel()])], options: FigureOptions(width: 600, height: 500, title: "T"))
        var scaled = figure
        scaled.options.fontScale = scale
        let plain = FigureLayout(figure, metrics: metrics), large = FigureLayout(scaled, metrics: metrics)
        let pairs = zip(plain.panels[0].texts + [plain.title!] + plain.panels[0].markTexts.map(\.text),
                        large.panels[0].texts + [large.title!] + large.panels[0].markTexts.map(\.text))
        for (before, after) in pairs {
            #expect(after.font.size == scale * before.font.size, "\(before.text)")
        }
        #expect(large.panels[0].markTexts.map(\.text.font.size) == [6 * scale])
    }

    @Test("a text mark wider than its fitWidth is set smaller to fit, and left out below 4 pt")
    func fittedTextMarks() {
        // The plot area is about 500 points wide for 0…1: a bar 0.02 wide has about 10 points of room.
        func placed(_ text: String, fitWidth: Double) -> PanelLayout.MarkText? {
            let mark = TextMark(text, at: .data(Point(x: 0.5, y: 0.5)), font: Font(size: 6), fitWidth: fitWidth)
            let layout = FigureLayout(Figure(rows: [.init(panels: [Self.panel(mark: mark)])], options: FigureOptions(width: 600, height: 500)),
                                      metrics: metrics)
            let room = fitWidth * layout.panels[0].transform.xScale
            let result = layout.panels[0].markTexts.first
            if let result { #expect(result.text.bounds.width <= room * (1 + 1e-12)) }
            return result
        }
        #expect(placed("7", fitWidth: 0.5)?.text.font.size == 6)  // fits as it is
        let shrunk = try! #require(placed("7.7k", fitWidth: 0.02))
        #expect(shrunk.text.font.size < 6 && shrunk.text.font.size >= TextMark.smallestFontSize)
        #expect(placed("123456789", fitWidth: 0.01) == nil)
    }

    @Test("a caption too long for its cell takes two lines, and its row keeps room for both")
    func captionLines() {
        let long = "ECE 0.0174 (95% CI 0.0145–0.0229) · MCE 0.772 · NLL 0.231"
        let figure = { (caption: String) in
            FigureLayout(Figure(rows: [.init(panels: [Self.panel(caption: caption), Self.panel(caption: "short")])],
                                options: FigureOptions(width: 480, height: 300)), metrics: metrics)
        }
        let wrapped = figure(long), single = figure("short")
        #expect(wrapped.panels[0].caption.map(\.text) == ["ECE 0.0174 (95% CI 0.0145–0.0229)", "MCE 0.772 · NLL 0.231"])
        #expect(single.panels[0].caption.count == 1)
        // The second line sits under the first, and the plot areas shrank to make room for it.
        #expect(wrapped.panels[0].caption[1].bounds.minY >= wrapped.panels[0].caption[0].bounds.maxY - 1e-9)
        #expect(wrapped.panels[0].frame.height < single.panels[0].frame.height)
        for panel in wrapped.panels {
            for line in panel.caption {
                #expect(line.bounds.minX >= panel.cell.minX - 1e-9 && line.bounds.maxX <= panel.cell.maxX + 1e-9)
                #expect(line.bounds.maxY <= 300)
            }
        }
    }

    @Test("a page too small for its text grows to fit when allowed, and is refused otherwise")
    func growsToFit() throws {
        var figure = Figure(rows: [.init(panels: [Self.panel(), Self.panel()])], options: FigureOptions(width: 120, height: 90))
        #expect(throws: PenvizError.self) { try figure.layout() }
        figure.options.growsToFit = true
        let layout = try figure.layout()
        #expect(layout.requiredSize == nil && layout.size.width > 120 && layout.size.height > 90)
    }

    @Test("the named palettes: looked up by name, distinct names, Okabe & Ito first")
    func namedPalettes() {
        #expect(Palette.all.first == .okabeIto)
        #expect(Set(Palette.all.map(\.name)).count == Palette.all.count)
        for palette in Palette.all { #expect(Palette.named(palette.name) == palette) }
        #expect(Palette.named("viridis") == nil)
        #expect(Palette.tolHighContrast.colors == [Color(hex: 0x004488), Color(hex: 0xDDAA33), Color(hex: 0xBB5566)])
    }

    @Test("a reliability diagram takes its bars from the palette's first colour and its gaps from its contrast colour")
    func reliabilityColours() {
        let reliability = ReliabilityDiagram(confidences: [0.9, 0.95], correct: [true, false], binCount: 2)
        let figure = ReliabilityFigure(rows: [[.init(title: "t", reliability: reliability)]])
            .figure(options: FigureOptions(width: 400, height: 500, palette: .tolBright))
        let fills = figure.rows[0].panels[0].marks.compactMap { mark -> Color? in
            if case .path(let path) = mark { return path.fill } else { return nil }
        }
        #expect(fills.contains(Color(hex: 0x4477AA).withAlpha(0.85)))
        #expect(fills.contains(Color(hex: 0xEE6677).withAlpha(0.18)))
        #expect(figure.rows[0].legend?.entries.first?.color == Color(hex: 0x4477AA).withAlpha(0.85))
    }
}
