import CCairo
import CPNG
import PenvizCore

/// Writes a drawn Cairo image as PNG with libpng's simplified writer, in its
/// fast mode (no row filters, zlib level 3).
///
/// Cairo's own `cairo_surface_write_to_png` tries every row filter at zlib's
/// default level: on a 3150 × 2190 scatter figure it takes four times as long
/// for a file a few per cent smaller (bench/README.md). The pixels are the same
/// as Cairo would write: RGB when every pixel is opaque, else RGBA with the
/// premultiplied colours divided by alpha, rounded as Cairo rounds them.
enum PNGEncoder {
    /// The PNG bytes of the ARGB32 image `surface`. Rewrites the surface's
    /// pixels in place (to packed RGB or straight RGBA), so the surface must not
    /// be drawn on or read afterwards.
    static func encode(consuming surface: OpaquePointer) throws -> [UInt8] {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else {
            throw PenvizError(.input, "cannot draw the figure: the \(width) × \(height) image has no pixels")
        }
        let pixels = UnsafeMutableRawPointer(data)
        let opaque = isOpaque(pixels, width: width, height: height, stride: stride)
        if opaque {
            packRGB(pixels, width: width, height: height, stride: stride)
        } else {
            unpremultiplyRGBA(pixels, width: width, height: height, stride: stride)
        }

        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        image.format = png_uint_32(opaque ? PNG_FORMAT_RGB : PNG_FORMAT_RGB | PNG_FORMAT_FLAG_ALPHA)
        image.flags = png_uint_32(PNG_IMAGE_FLAG_FAST)
        defer { png_image_free(&image) }

        // PNG_IMAGE_PNG_SIZE_MAX bounds the stream (it overflows only on 32-bit machines).
        let capacity = Int(penviz_png_size_max(image))
        var bytes = [UInt8](repeating: 0, count: capacity)
        var written = png_alloc_size_t(capacity)
        let ok = bytes.withUnsafeMutableBytes {
            png_image_write_to_memory(&image, $0.baseAddress, &written, 0, pixels, png_int_32(stride), nil)
        }
        guard ok != 0, Int(written) <= capacity else {
            let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw PenvizError(.input, "cannot write the \(width) × \(height) PNG: libpng failed: \(message.isEmpty ? "out of memory" : message)")
        }
        bytes.removeSubrange(Int(written)...)
        return bytes
    }

    /// Whether every pixel's alpha (the high byte of each native-endian
    /// `UInt32`) is 255.
    private static func isOpaque(_ pixels: UnsafeMutableRawPointer, width: Int, height: Int, stride: Int) -> Bool {
        for y in 0..<height {
            let row = (pixels + y * stride).assumingMemoryBound(to: UInt32.self)
            var all: UInt32 = 0xFF00_0000
            for x in 0..<width { all &= row[x] }
            if all & 0xFF00_0000 != 0xFF00_0000 { return false }
        }
        return true
    }

    /// Rewrites each row of `0xAARRGGBB` words as R, G, B bytes from the
    /// row's start (3 bytes a pixel never overtake the 4 being read).
    private static func packRGB(_ pixels: UnsafeMutableRawPointer, width: Int, height: Int, stride: Int) {
        rewritePixels(pixels, width: width, height: height, stride: stride, bytesPerPixel: 3) { pixel, bytes in
            bytes[0] = UInt8(truncatingIfNeeded: pixel >> 16)
            bytes[1] = UInt8(truncatingIfNeeded: pixel >> 8)
            bytes[2] = UInt8(truncatingIfNeeded: pixel)
        }
    }

    /// Rewrites each premultiplied `0xAARRGGBB` word as straight R, G, B, A
    /// bytes: `c = (c·255 + a/2) / a` (integer division), 0 where `a = 0`.
    private static func unpremultiplyRGBA(_ pixels: UnsafeMutableRawPointer, width: Int, height: Int, stride: Int) {
        rewritePixels(pixels, width: width, height: height, stride: stride, bytesPerPixel: 4) { pixel, bytes in
            let alpha = pixel >> 24
            func straight(_ shift: UInt32) -> UInt8 {
                guard alpha != 0 else { return 0 }
                return UInt8(min(255, (((pixel >> shift) & 0xFF) * 255 + alpha / 2) / alpha))
            }
            (bytes[0], bytes[1], bytes[2], bytes[3]) = (straight(16), straight(8), straight(0), UInt8(alpha))
        }
    }

    /// Hands each pixel's word to `rewrite` with the `bytesPerPixel` bytes it
    /// becomes, from the start of its row; a pixel's bytes never lie past its word.
    @inline(__always)
    private static func rewritePixels(
        _ pixels: UnsafeMutableRawPointer, width: Int, height: Int, stride: Int, bytesPerPixel: Int,
        _ rewrite: (UInt32, UnsafeMutablePointer<UInt8>) -> Void
    ) {
        for y in 0..<height {
            let row = pixels + y * stride
            let words = row.assumingMemoryBound(to: UInt32.self)
            let bytes = row.assumingMemoryBound(to: UInt8.self)
            for x in 0..<width { rewrite(words[x], bytes + bytesPerPixel * x) }
        }
    }
}
