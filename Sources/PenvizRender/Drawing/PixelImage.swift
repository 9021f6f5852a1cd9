/// A small picture made of pixels, drawn stretched over a rectangle of the page.
public struct PixelImage: Equatable, Sendable {
    /// The number of pixel columns.
    public let width: Int
    /// The number of pixel rows.
    public let height: Int
    /// Premultiplied ARGB pixels (alpha in the top byte), row after row from the top.
    public let pixels: [UInt32]

    /// An image of `width` × `height` pixels; `pixels` must hold that many.
    public init(width: Int, height: Int, pixels: [UInt32]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height,
                     "PixelImage: \(pixels.count) pixels for \(width) × \(height)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}
