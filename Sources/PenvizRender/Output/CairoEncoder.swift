import CCairo
import PenvizCore

/// Draws a laid-out figure on the Cairo surface of a format and returns the file's bytes.
enum CairoEncoder {
    /// The fixed creation and modification date written into every PDF, so the
    /// same figure gives the same bytes whenever it is drawn.
    static let pdfDate = "2000-01-01T00:00:00Z"

    /// The bytes of `layout` drawn as `format`.
    static func encode(_ layout: FigureLayout, as format: ImageFormat) throws -> [UInt8] {
        let size = layout.size
        guard size.width <= pageSideLimit, size.height <= pageSideLimit else {
            throw PenvizError.usage(
                "a page of \(Int(size.width.rounded(.up))) × \(Int(size.height.rounded(.up))) points exceeds the limit of "
                    + "\(Int(pageSideLimit)) points (200 inches) a side: fewer panels or a smaller --width/--height")
        }
        switch format {
        case .png: return try png(layout)
        case .svg: return SVGIdentifiers.renumbered(try vector(layout, format: .svg))
        case .pdf: return try vector(layout, format: .pdf)
        }
    }

    /// An ARGB32 image of `scale` pixels a point, written as PNG by ``PNGEncoder``.
    private static func png(_ layout: FigureLayout) throws -> [UInt8] {
        let scale = layout.options.scale
        let (width, height) = try pixelSize(layout.size, scale: scale)
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        try checkCairo(cairo_surface_status(surface), while: "creating a \(width) × \(height) image")
        let raster = RasterMarkers(surface: surface, scale: scale)
        try draw(layout, on: surface, scale: scale, raster: raster)
        if let failure = raster.failure { throw failure }
        return try PNGEncoder.encode(consuming: surface)
    }

    /// The longest side of a page, in points: 200 inches, PDF's largest page.
    static let pageSideLimit = 14_400.0
    /// The most pixels a PNG may hold (400 MB of ARGB32 while it is drawn).
    static let pixelLimit = 100_000_000
    /// The most pixels a side of a PNG may have (Cairo's limit).
    static let sideLimit = 32_767

    /// Pixels a side of a page of `size` points at `scale` pixels a point (rounded up).
    ///
    /// - Throws: ``PenvizError`` (usage) naming the limit when a side exceeds 32,767
    ///   pixels or the image 100 million; checked before any Int conversion or allocation.
    static func pixelSize(_ size: Size, scale: Double) throws -> (width: Int, height: Int) {
        let width = (size.width * scale - 1e-9).rounded(.up), height = (size.height * scale - 1e-9).rounded(.up)
        guard width.isFinite, height.isFinite, width <= Double(sideLimit), height <= Double(sideLimit),
            width * height <= Double(pixelLimit)
        else {
            throw PenvizError.usage(
                "a \(describe(width)) × \(describe(height)) pixel PNG exceeds the limit of \(sideLimit) pixels a side and "
                    + "\(pixelLimit / 1_000_000) million pixels in all: lower the page size or --scale")
        }
        return (max(1, Int(width)), max(1, Int(height)))
    }

    /// A pixel count as a reader writes it (a huge one in exponent form).
    private static func describe(_ pixels: Double) -> String {
        pixels < 1e15 ? String(Int(pixels)) : String(pixels)
    }

    /// An SVG or PDF surface in points, streamed into memory.
    private static func vector(_ layout: FigureLayout, format: ImageFormat) throws -> [UInt8] {
        let sink = ByteSink()
        return try withExtendedLifetime(sink) {
            let closure = Unmanaged.passUnretained(sink).toOpaque()
            let width = layout.size.width, height = layout.size.height
            let surface = format == .svg
                ? cairo_svg_surface_create_for_stream(ByteSink.write, closure, width, height)!
                : cairo_pdf_surface_create_for_stream(ByteSink.write, closure, width, height)!
            defer { cairo_surface_destroy(surface) }
            try checkCairo(cairo_surface_status(surface), while: "creating the \(format.rawValue.uppercased()) surface")
            if format == .pdf {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "penviz")
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, pdfDate)
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, pdfDate)
                if let title = layout.options.title {
                    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, VisibleText.escaped(title))
                }
            }
            try draw(layout, on: surface, scale: 1, raster: nil)
            cairo_surface_finish(surface)
            try checkCairo(cairo_surface_status(surface), while: "finishing the \(format.rawValue.uppercased())")
            try checkCairo(sink.status, while: "writing the \(format.rawValue.uppercased())")
            return sink.bytes
        }
    }

    /// Draws `layout` on `surface` through a ``CairoRenderer`` at `scale`.
    private static func draw(_ layout: FigureLayout, on surface: OpaquePointer, scale: Double,
                             raster: RasterMarkers?) throws {
        let context = cairo_create(surface)!
        defer { cairo_destroy(context) }
        try checkCairo(cairo_status(context), while: "creating a drawing context")
        cairo_scale(context, scale, scale)
        let renderer = CairoRenderer(context: context, raster: raster)
        layout.draw(on: renderer)
        if let failure = renderer.failure { throw failure }
        try checkCairo(cairo_status(context), while: "drawing")
    }
}

/// Collects the bytes a Cairo stream surface writes.
final class ByteSink {
    /// Everything written so far.
    var bytes: [UInt8] = []
    /// Success, or the error to report (a sink never fails to take bytes).
    var status = CAIRO_STATUS_SUCCESS

    /// The `cairo_write_func_t` that appends to the sink passed as its closure.
    static let write: cairo_write_func_t = { closure, data, length in
        let sink = Unmanaged<ByteSink>.fromOpaque(closure!).takeUnretainedValue()
        if let data { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length))) }
        return CAIRO_STATUS_SUCCESS
    }
}
