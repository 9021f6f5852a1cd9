import Testing
@testable import PenvizRender

@Suite struct FigureDrawingTests {
    /// Remembers every call, in order.
    final class RecordingRenderer: Renderer {
        enum Call: Equatable {
            case path(Path, fill: Color?, stroke: Stroke?)
            case text(String, Point)
            case markers(MarkerBatch)
            case image(PixelImage, Rect)
            case pushClip(Rect)
            case popClip
        }
        var calls: [Call] = []
        func draw(_ path: Path, fill: Color?, stroke: Stroke?) { calls.append(.path(path, fill: fill, stroke: stroke)) }
        func draw(text: String, at position: Point, anchor: TextAnchor, font: Font, color: Color,
                  orientation: PlacedText.Orientation, halo: Stroke?) { calls.append(.text(text, position)) }
        func draw(_ batch: MarkerBatch) { calls.append(.markers(batch)) }
        func draw(_ image: PixelImage, in rect: Rect) { calls.append(.image(image, rect)) }
        func pushClip(_ rect: Rect) { calls.append(.pushClip(rect)) }
        func popClip() { calls.append(.popClip) }
    }

    private func drawn(_ figure: Figure) -> (layout: FigureLayout, calls: [RecordingRenderer.Call]) {
        let layout = FigureLayout(figure, metrics: ApproximateFontMetrics())
        let renderer = RecordingRenderer()
        layout.draw(on: renderer)
        return (layout, renderer.calls)
    }

    private let classes = ClassStyle.slots(["cat", "dog"])

    @Test func pointsAreClippedToThePlotAreaAndSkipNonFiniteOnes() throws {
        let panel = Panel(classes: classes,
                          marks: [.scatter(Scatter(x: [0, .nan, 1], y: [0, 1, 1], classIndex: [1, 0, 0]))])
        let (layout, calls) = drawn(Figure(rows: [.init(panels: [panel])], options: FigureOptions(pointSize: 3, pointAlpha: 0.25)))
        let frame = layout.panels[0].frame
        // White page first, then the clip around the markers.
        #expect(calls.first == .path(.rectangle(Rect(x: 0, y: 0, width: 288, height: 288)), fill: .white, stroke: nil))
        let clip = try #require(calls.firstIndex(of: .pushClip(frame)))
        guard case .markers(let batch) = calls[clip + 1] else { Issue.record("no markers after the clip"); return }
        #expect(calls[clip + 2] == .popClip)
        #expect(batch.positions == [layout.panels[0].transform.page(x: 0, y: 0), layout.panels[0].transform.page(x: 1, y: 1)])
        #expect(batch.styleIndex == [1, 0])
        #expect(batch.styles == classes.map { MarkerStyle(diameter: 3, fill: $0.color.withAlpha(0.25)) })
    }

    @Test func aTransparentPageHasNoBackground() {
        var options = FigureOptions()
        options.transparent = true
        let (_, calls) = drawn(Figure(rows: [.init(panels: [Panel()])], options: options))
        #expect(!calls.contains(.path(.rectangle(Rect(x: 0, y: 0, width: 288, height: 288)), fill: .white, stroke: nil)))
    }

    @Test func segmentsAreOnePath() {
        let stroke = Stroke(color: .black, width: 0.5)
        let segments = Segments(starts: [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 2, y: 0)],
                                ends: [Point(x: 0, y: 1), Point(x: 1, y: 2), Point(x: 2, y: 3)], stroke: stroke)
        let (layout, calls) = drawn(Figure(rows: [.init(panels: [Panel(marks: [.segments(segments)], aspect: .free)])]))
        let transform = layout.panels[0].transform
        let expected = Path([.move(transform.page(x: 0, y: 0)), .line(transform.page(x: 0, y: 1)),
                             .move(transform.page(x: 1, y: 0)), .line(transform.page(x: 1, y: 2)),
                             .move(transform.page(x: 2, y: 0)), .line(transform.page(x: 2, y: 3))])
        #expect(calls.contains(.path(expected, fill: nil, stroke: stroke)))
        // The limits hold every segment end.
        #expect(transform.limits.y.contains(3) && transform.limits.y.contains(0))
    }

    @Test func templatesAreDrawnOverThePointsAndLabelledOutsideTheClip() throws {
        let panel = Panel.templatePlane(title: "run · val", classes: classes,
                                        points: Scatter(x: [0, 1], y: [0, 0], classIndex: [0, 1]),
                                        templates: [Point(x: 0, y: 0), Point(x: 1, y: 0)])
        let (_, calls) = drawn(Figure(rows: [.init(panels: [panel])]))
        let markers = try #require(calls.firstIndex { if case .markers = $0 { return true } else { return false } })
        let firstTemplate = try #require(calls.firstIndex {
            if case .path(_, let fill, _) = $0 { return fill == classes[0].color } else { return false }
        })
        let unclip = try #require(calls.firstIndex(of: .popClip))
        let label = try #require(calls.firstIndex { if case .text("cat", _) = $0 { return true } else { return false } })
        #expect(markers < firstTemplate && firstTemplate < unclip && unclip < label)
    }
}
