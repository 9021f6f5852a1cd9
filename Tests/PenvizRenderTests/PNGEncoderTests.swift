import CCairo
import Foundation
import Testing
@testable import PenvizRender

/// ``PNGEncoder`` against Cairo's own PNG writer: both files, read back through
/// Cairo, must hold the same pixels, for opaque and for translucent images.
@Suite struct PNGEncoderTests {
    /// A 97 × 61 ARGB32 image (odd sizes: rows with padding-free strides that
    /// are not powers of two) with overlapping translucent discs in many
    /// colours, on white or on nothing.
    private func drawnSurface(opaque: Bool) -> OpaquePointer {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 97, 61)!
        let context = cairo_create(surface)!
        if opaque {
            cairo_set_source_rgb(context, 1, 1, 1)
            cairo_paint(context)
        }
        for disc in 0..<40 {
            let t = Double(disc)
            cairo_set_source_rgba(context, (t * 0.37).truncatingRemainder(dividingBy: 1),
                                  (t * 0.61).truncatingRemainder(dividingBy: 1),
                                  (t * 0.13).truncatingRemainder(dividingBy: 1), 0.15 + (t * 0.021))
            cairo_arc(context, (t * 23).truncatingRemainder(dividingBy: 97), (t * 11).truncatingRemainder(dividingBy: 61),
                      4 + t / 3, 0, 2 * .pi)
            cairo_fill(context)
        }
        cairo_destroy(context)
        cairo_surface_flush(surface)
        return surface
    }

    /// The bytes Cairo's `cairo_surface_write_to_png_stream` writes for `surface`.
    private func cairoPNG(_ surface: OpaquePointer) -> [UInt8] {
        let sink = ByteSink()
        withExtendedLifetime(sink) {
            _ = cairo_surface_write_to_png_stream(surface, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque())
        }
        return sink.bytes
    }

    /// The premultiplied ARGB words of PNG `bytes`, decoded by Cairo.
    private func decoded(_ bytes: [UInt8]) throws -> [UInt32] {
        let path = try TestFigures.scratchFolder().appendingPathComponent("image.png").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let surface = try #require(cairo_image_surface_create_from_png(path))
        defer { cairo_surface_destroy(surface) }
        #expect(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = UnsafeRawPointer(cairo_image_surface_get_data(surface)!)
        return (0..<height).flatMap { y in
            (0..<width).map { x in data.load(fromByteOffset: y * stride + 4 * x, as: UInt32.self) }
        }
    }

    /// The PNG colour type, byte 25 of the file (inside IHDR): 2 RGB, 6 RGBA.
    private func colourType(_ bytes: [UInt8]) -> UInt8 { bytes[25] }

    @Test(arguments: [true, false])
    func holdsThePixelsCairoWouldWrite(opaque: Bool) throws {
        let reference = drawnSurface(opaque: opaque)
        defer { cairo_surface_destroy(reference) }
        let consumed = drawnSurface(opaque: opaque)
        defer { cairo_surface_destroy(consumed) }
        let expected = cairoPNG(reference)
        let written = try PNGEncoder.encode(consuming: consumed)

        #expect(Array(written.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(colourType(written) == colourType(expected))
        #expect(colourType(written) == (opaque ? 2 : 6))
        let pixels = try decoded(written)
        #expect(pixels.count == 97 * 61)
        #expect(pixels == (try decoded(expected)))
    }

    @Test func aFullyClearImageIsAllZeroRGBA() throws {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 5, 3)!
        defer { cairo_surface_destroy(surface) }
        let written = try PNGEncoder.encode(consuming: surface)
        #expect(colourType(written) == 6)
        #expect(try decoded(written) == [UInt32](repeating: 0, count: 15))
    }
}
