import CCairo
import PenvizCore

/// Composites scatter markers straight into an ARGB32 image surface's pixels.
///
/// Painting a marker through Cairo costs about 1.8 µs (a pattern, a clip and a
/// compositing call per point); a million points took 1.8 s. Here Cairo renders
/// each marker style once at 4 × 4 sub-pixel offsets, and each point copies the
/// nearest of those 16 stamps with Cairo's own OVER arithmetic (premultiplied
/// 8-bit, rounded as pixman rounds), at a few nanoseconds a pixel. Positions are
/// kept to a quarter pixel; the clip is the plot area rounded to whole pixels.
final class RasterMarkers {
    /// The number of sub-pixel positions per axis.
    private static let subpixels = 4

    /// The 16 pre-rendered images of one marker style.
    private struct Stamps {
        /// The side of each stamp in pixels.
        let side: Int
        /// The marker radius in pixels.
        let radius: Double
        /// Premultiplied ARGB pixels, stamp after stamp, row after row.
        let pixels: [UInt32]
    }

    private let surface: OpaquePointer
    private let scale: Double
    private var stamps: [MarkerStyle: Stamps] = [:]
    /// The first failure met while rendering stamps.
    private(set) var failure: PenvizError?

    /// A stamper for `surface`, whose context maps a point to `scale` pixels.
    init(surface: OpaquePointer, scale: Double) {
        self.surface = surface
        self.scale = scale
    }

    /// Composites every marker of `batch`, in order, inside `clip` (page points).
    func draw(_ batch: MarkerBatch, clip: Rect?) {
        let styleStamps = batch.styles.map(stamps(for:))
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let clipRect = clip ?? Rect(x: 0, y: 0, width: Double(width) / scale, height: Double(height) / scale)
        let left = max(0, Int((clipRect.minX * scale).rounded())), right = min(width, Int((clipRect.maxX * scale).rounded()))
        let top = max(0, Int((clipRect.minY * scale).rounded())), bottom = min(height, Int((clipRect.maxY * scale).rounded()))
        guard left < right, top < bottom, let data = cairo_image_surface_get_data(surface) else { return }
        cairo_surface_flush(surface)
        let image = UnsafeMutableRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * height)
        let steps = Double(Self.subpixels)
        for (position, style) in zip(batch.positions, batch.styleIndex) {
            guard let stamp = styleStamps[style] else { continue }
            // The stamp's pixel (0, 0) lands on device pixel (baseX, baseY).
            func origin(_ coordinate: Double) -> (base: Int, phase: Int) {
                let corner = coordinate * scale - stamp.radius
                var base = corner.rounded(.down)
                var phase = Int(((corner - base) * steps).rounded())
                if phase == Self.subpixels { phase = 0; base += 1 }
                return (Int(base) - 1, phase)
            }
            guard position.x.isFinite, position.y.isFinite,
                  abs(position.x) < 1e7, abs(position.y) < 1e7 else { continue }
            let (baseX, phaseX) = origin(position.x)
            let (baseY, phaseY) = origin(position.y)
            let side = stamp.side
            let x0 = max(left, baseX), x1 = min(right, baseX + side)
            let y0 = max(top, baseY), y1 = min(bottom, baseY + side)
            guard x0 < x1, y0 < y1 else { continue }
            let stampStart = (phaseY * Self.subpixels + phaseX) * side * side
            stamp.pixels.withUnsafeBufferPointer { pixels in
                for y in y0..<y1 {
                    let sourceRow = stampStart + (y - baseY) * side - baseX
                    let targetRow = y * stride
                    for x in x0..<x1 {
                        let source = pixels[sourceRow + x]
                        if source == 0 { continue }
                        image[targetRow + x] = Self.over(source, image[targetRow + x])
                    }
                }
            }
        }
        cairo_surface_mark_dirty(surface)
    }

    /// Premultiplied `source` OVER `target`, per channel
    /// `s + round(t · (255 − αₛ) / 255)`, two channels at a time as pixman does.
    @inline(__always)
    static func over(_ source: UInt32, _ target: UInt32) -> UInt32 {
        let inverse = 255 - (source >> 24)
        var low = (target & 0x00FF_00FF) &* inverse &+ 0x0080_0080
        low = ((low &+ ((low >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
        var high = ((target >> 8) & 0x00FF_00FF) &* inverse &+ 0x0080_0080
        high = (high &+ ((high >> 8) & 0x00FF_00FF)) & 0xFF00_FF00
        return source &+ (low | high)
    }

    /// The stamps of `style`, rendered by Cairo on first use; `nil` after a failure.
    private func stamps(for style: MarkerStyle) -> Stamps? {
        if let cached = stamps[style] { return cached }
        let radius = style.diameter * scale / 2
        let side = Int((2 * radius).rounded(.up)) + 3
        var pixels: [UInt32] = []
        pixels.reserveCapacity(Self.subpixels * Self.subpixels * side * side)
        for phaseY in 0..<Self.subpixels {
            for phaseX in 0..<Self.subpixels {
                let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(side), Int32(side))!
                defer { cairo_surface_destroy(image) }
                let context = cairo_create(image)!
                let offset = { (phase: Int) in 1 + Double(phase) / Double(Self.subpixels) + radius }
                cairo_arc(context, offset(phaseX), offset(phaseY), radius, 0, 2 * Double.pi)
                cairo_set_source_rgba(context, style.fill.red, style.fill.green, style.fill.blue, style.fill.alpha)
                cairo_fill(context)
                let status = cairo_status(context)
                cairo_destroy(context)
                cairo_surface_flush(image)
                guard status == CAIRO_STATUS_SUCCESS, cairo_surface_status(image) == CAIRO_STATUS_SUCCESS,
                      let data = cairo_image_surface_get_data(image) else {
                    failure = failure ?? .cairo(status == CAIRO_STATUS_SUCCESS ? cairo_surface_status(image) : status,
                                                while: "rendering a marker")
                    return nil
                }
                let stride = Int(cairo_image_surface_get_stride(image)) / 4
                let rows = UnsafeRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * side)
                for y in 0..<side {
                    pixels.append(contentsOf: UnsafeBufferPointer(start: rows + y * stride, count: side))
                }
            }
        }
        let result = Stamps(side: side, radius: radius, pixels: pixels)
        stamps[style] = result
        return result
    }
}
