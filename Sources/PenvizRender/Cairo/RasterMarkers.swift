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

    /// The 16 pre-rendered images of one marker style, in memory the stamping
    /// loop reads without reference counting.
    private final class Stamps {
        /// The side of each stamp in pixels.
        let side: Int
        /// The marker radius in pixels.
        let radius: Double
        /// Premultiplied ARGB pixels, stamp after stamp, row after row.
        let pixels: UnsafeMutableBufferPointer<UInt32>
        /// For each row of each stamp, the first and one past the last column
        /// that is not transparent (equal when the row is empty).
        let spans: UnsafeMutableBufferPointer<Int32>

        init(side: Int, radius: Double, pixels: [UInt32]) {
            self.side = side
            self.radius = radius
            self.pixels = .allocate(capacity: pixels.count)
            _ = self.pixels.initialize(from: pixels)
            let rows = pixels.count / side
            spans = .allocate(capacity: 2 * rows)
            for row in 0..<rows {
                let line = pixels[(row * side)..<((row + 1) * side)]
                let first = line.firstIndex { $0 != 0 }.map { $0 - row * side } ?? 0
                let last = line.lastIndex { $0 != 0 }.map { $0 - row * side + 1 } ?? 0
                spans[2 * row] = Int32(first)
                spans[2 * row + 1] = Int32(max(first, last))
            }
        }

        deinit {
            pixels.deallocate()
            spans.deallocate()
        }
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

    /// Where one marker lands: its stamp's top left device pixel, and which row
    /// of which style's stamps holds its first row.
    private struct Placement {
        var x: Int32
        var y: Int32
        var firstRow: Int32
        var style: Int32
    }

    /// The height in pixels of the horizontal bands the image is composited in:
    /// 32 rows of a 864-pixel image are 110 kB, which stay in the core's cache
    /// while every marker touching the band is stamped.
    private static let bandHeight = 32

    /// Composites every marker of `batch`, in order, inside `clip` (page points).
    ///
    /// The image is worked through band by band; each band takes the markers that
    /// touch it in their original order, so every pixel sees its markers in batch
    /// order, as if they were drawn one after another.
    func draw(_ batch: MarkerBatch, clip: Rect?) {
        let styleStamps = batch.styles.map(stamps(for:))
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let clipRect = clip ?? Rect(x: 0, y: 0, width: Double(width) / scale, height: Double(height) / scale)
        let left = max(0, Int((clipRect.minX * scale).rounded())), right = min(width, Int((clipRect.maxX * scale).rounded()))
        let top = max(0, Int((clipRect.minY * scale).rounded())), bottom = min(height, Int((clipRect.maxY * scale).rounded()))
        guard left < right, top < bottom, let data = cairo_image_surface_get_data(surface) else { return }

        let placements = place(batch, stamps: styleStamps, left: left, top: top, right: right, bottom: bottom)
        let band = Self.bandHeight
        let bandCount = (bottom - top + band - 1) / band
        func bands(of placement: Placement) -> ClosedRange<Int> {
            let side = styleStamps[Int(placement.style)]!.side
            return ((max(top, Int(placement.y)) - top) / band)...((min(bottom, Int(placement.y) + side) - 1 - top) / band)
        }
        // A stable bucket sort of the placements by band; copies, not indices, so
        // each band reads its markers from consecutive memory.
        var starts = [Int](repeating: 0, count: bandCount + 1)
        for placement in placements { for index in bands(of: placement) { starts[index + 1] += 1 } }
        for index in 0..<bandCount { starts[index + 1] += starts[index] }
        var members = [Placement](repeating: Placement(x: 0, y: 0, firstRow: 0, style: 0), count: starts[bandCount])
        var next = starts
        for placement in placements {
            for index in bands(of: placement) {
                members[next[index]] = placement
                next[index] += 1
            }
        }

        cairo_surface_flush(surface)
        defer { cairo_surface_mark_dirty(surface) }
        let image = UnsafeMutableRawPointer(data).bindMemory(to: UInt32.self, capacity: stride * height)
        let views = styleStamps.map { $0.map { (pixels: UnsafePointer($0.pixels.baseAddress!),
                                                 spans: UnsafePointer($0.spans.baseAddress!), side: $0.side) } }
        withExtendedLifetime(styleStamps) {
            for index in 0..<bandCount {
                let bandTop = top + index * band, bandBottom = min(bottom, bandTop + band)
                for placement in members[starts[index]..<starts[index + 1]] {
                    let stamp = views[Int(placement.style)]!
                    let baseX = Int(placement.x), baseY = Int(placement.y)
                    for y in max(bandTop, baseY)..<min(bandBottom, baseY + stamp.side) {
                        let row = Int(placement.firstRow) + y - baseY
                        let x0 = max(left, baseX + Int(stamp.spans[2 * row]))
                        let x1 = min(right, baseX + Int(stamp.spans[2 * row + 1]))
                        guard x0 < x1 else { continue }
                        let source = stamp.pixels + row * stamp.side - baseX
                        let target = image + y * stride
                        for x in x0..<x1 { target[x] = Self.over(source[x], target[x]) }
                    }
                }
            }
        }
    }

    /// The placement of every marker of `batch` that touches the clip rectangle
    /// (device pixels), in batch order.
    private func place(_ batch: MarkerBatch, stamps: [Stamps?], left: Int, top: Int, right: Int, bottom: Int) -> [Placement] {
        var placements: [Placement] = []
        placements.reserveCapacity(batch.positions.count)
        let steps = Double(Self.subpixels)
        for (position, style) in zip(batch.positions, batch.styleIndex) {
            guard let stamp = stamps[style] else { continue }
            // The stamp's pixel (0, 0) lands on device pixel `base`; `phase` picks
            // the stamp drawn nearest to the marker's sub-pixel position.
            func origin(_ coordinate: Double) -> (base: Double, phase: Int) {
                let corner = coordinate * scale - stamp.radius
                var base = corner.rounded(.down)
                var phase = Int(((corner - base) * steps).rounded())
                if phase == Self.subpixels { phase = 0; base += 1 }
                return (base - 1, phase)
            }
            let (x, phaseX) = origin(position.x)
            let (y, phaseY) = origin(position.y)
            let side = Double(stamp.side)
            guard x + side > Double(left), x < Double(right), y + side > Double(top), y < Double(bottom) else { continue }
            placements.append(Placement(x: Int32(x), y: Int32(y),
                                        firstRow: Int32((phaseY * Self.subpixels + phaseX) * stamp.side),
                                        style: Int32(style)))
        }
        return placements
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
