import CCairo
import Foundation
import PenvizCore

/// The ``Renderer`` that draws with a Cairo context, for every output format.
///
/// Scatter markers are drawn once per style and then repeated: on vector
/// surfaces (SVG, PDF) each style is recorded into a small recording surface
/// painted at every position, which Cairo writes as one shared definition plus a
/// `<use>` (SVG) or a form XObject `Do` (PDF) per point; on an image surface a
/// ``RasterMarkers`` stamper composites pre-rendered marker images directly.
final class CairoRenderer: Renderer {
    private let context: OpaquePointer
    private let raster: RasterMarkers?
    private var clips: [Rect] = []
    private var recordedMarkers: [MarkerStyle: OpaquePointer] = [:]
    /// The first failure met while drawing, reported when the page is finished.
    private(set) var failure: PenvizError?

    /// A renderer drawing with `context`; `raster` stamps markers on image surfaces.
    init(context: OpaquePointer, raster: RasterMarkers?) {
        self.context = context
        self.raster = raster
        CairoFont.configure(context)
    }

    deinit {
        for surface in recordedMarkers.values { cairo_surface_destroy(surface) }
    }

    func draw(_ path: Path, fill: Color?, stroke: Stroke?) {
        guard !path.elements.isEmpty else { return }
        cairo_new_path(context)
        for element in path.elements {
            switch element {
            case .move(let point): cairo_move_to(context, point.x, point.y)
            case .line(let point): cairo_line_to(context, point.x, point.y)
            case .circle(let center, let radius):
                cairo_new_sub_path(context)
                cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
                cairo_close_path(context)
            case .close: cairo_close_path(context)
            }
        }
        if let fill {
            setSource(fill)
            if stroke == nil { cairo_fill(context) } else { cairo_fill_preserve(context) }
        }
        if let stroke {
            apply(stroke)
            cairo_stroke(context)
        }
        cairo_new_path(context)
    }

    func draw(text: String, at position: Point, anchor: TextAnchor, font: Font, color: Color,
              orientation: PlacedText.Orientation, halo: Stroke?) {
        // What Cairo refuses (a noncharacter is "invalid UTF-8" to it) is drawn as its escape,
        // as it was measured (see CairoFont.measure); escaping twice changes nothing.
        let text = VisibleText.escaped(text)
        guard !text.isEmpty else { return }
        let extent = CairoFont.measure(text, in: font, context: context)
        let offset = anchor.baselineOffset(for: extent)
        cairo_save(context)
        cairo_translate(context, position.x, position.y)
        if orientation == .upward { cairo_rotate(context, -Double.pi / 2) }
        if let halo {
            cairo_move_to(context, offset.x, offset.y)
            cairo_text_path(context, text)
            apply(halo)
            cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
            cairo_stroke(context)
        }
        cairo_move_to(context, offset.x, offset.y)
        setSource(color)
        cairo_show_text(context, text)
        cairo_restore(context)
    }

    func draw(_ batch: MarkerBatch) {
        if let raster {
            raster.draw(batch, clip: clips.last)
            return
        }
        // Positions are rounded to a hundredth of a point (3.5 µm): invisible, and
        // it keeps each SVG `<use>` short.
        func hundredths(_ value: Double) -> Double { (value * 100).rounded() / 100 }
        let sources = batch.styles.map(recordedMarker)
        for (position, style) in zip(batch.positions, batch.styleIndex) {
            guard let source = sources[style] else { continue }
            let half = Self.recordingSide(diameter: batch.styles[style].diameter) / 2
            cairo_set_source_surface(context, source, hundredths(position.x - half), hundredths(position.y - half))
            cairo_paint(context)
        }
    }

    func draw(_ image: PixelImage, in rect: Rect) {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(image.width), Int32(image.height))!
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            failure = failure ?? .cairo(cairo_surface_status(surface), while: "creating a \(image.width) × \(image.height) image")
            return
        }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let rows = UnsafeMutableRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * image.height)
        image.pixels.withUnsafeBufferPointer { pixels in
            for row in 0..<image.height {
                (rows + row * stride).update(from: pixels.baseAddress! + row * image.width, count: image.width)
            }
        }
        cairo_surface_mark_dirty(surface)
        cairo_save(context)
        cairo_translate(context, rect.minX, rect.minY)
        cairo_scale(context, rect.width / Double(image.width), rect.height / Double(image.height))
        cairo_set_source_surface(context, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD)
        cairo_rectangle(context, 0, 0, Double(image.width), Double(image.height))
        cairo_fill(context)
        cairo_restore(context)
    }

    func pushClip(_ rect: Rect) {
        let clip = clips.last.map { current in
            Rect(x: max(current.minX, rect.minX), y: max(current.minY, rect.minY),
                 width: max(0, min(current.maxX, rect.maxX) - max(current.minX, rect.minX)),
                 height: max(0, min(current.maxY, rect.maxY) - max(current.minY, rect.minY)))
        } ?? rect
        clips.append(clip)
        cairo_save(context)
        cairo_rectangle(context, rect.minX, rect.minY, rect.width, rect.height)
        cairo_clip(context)
    }

    func popClip() {
        precondition(!clips.isEmpty, "CairoRenderer: popClip without pushClip")
        clips.removeLast()
        cairo_restore(context)
    }

    /// The side of the square a marker of `diameter` points is recorded in: the
    /// diameter plus a point of room for anti-aliasing, rounded up to a whole
    /// point so that marker positions keep few decimals.
    private static func recordingSide(diameter: Double) -> Double {
        (diameter + 1).rounded(.up)
    }

    /// A recording surface holding one marker of `style`, centred in a square of
    /// ``recordingSide(diameter:)``; `nil` after a Cairo failure.
    private func recordedMarker(_ style: MarkerStyle) -> OpaquePointer? {
        if let surface = recordedMarkers[style] { return surface }
        let side = Self.recordingSide(diameter: style.diameter)
        var extents = cairo_rectangle_t(x: 0, y: 0, width: side, height: side)
        let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)!
        let marker = cairo_create(surface)!
        cairo_arc(marker, side / 2, side / 2, style.diameter / 2, 0, 2 * Double.pi)
        cairo_set_source_rgba(marker, style.fill.red, style.fill.green, style.fill.blue, style.fill.alpha)
        cairo_fill(marker)
        let status = cairo_status(marker)
        cairo_destroy(marker)
        for status in [status, cairo_surface_status(surface)] where status != CAIRO_STATUS_SUCCESS {
            failure = failure ?? .cairo(status, while: "recording a marker")
            cairo_surface_destroy(surface)
            return nil
        }
        recordedMarkers[style] = surface
        return surface
    }

    private func setSource(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    private func apply(_ stroke: Stroke) {
        setSource(stroke.color)
        cairo_set_line_width(context, stroke.width)
        cairo_set_dash(context, stroke.dash, Int32(stroke.dash.count), 0)
    }
}
