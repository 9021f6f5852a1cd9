/// A colour in sRGB with straight (not premultiplied) alpha, every channel in 0...1.
public struct Color: Equatable, Hashable, Sendable {
    /// The red channel.
    public var red: Double
    /// The green channel.
    public var green: Double
    /// The blue channel.
    public var blue: Double
    /// Opacity: 0 is transparent, 1 opaque.
    public var alpha: Double

    /// A colour from its channels.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour from a 24-bit `0xRRGGBB` value, as web colours are written.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255,
                  green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255,
                  alpha: alpha)
    }

    /// A neutral grey of the given lightness (0 black, 1 white).
    public init(grey lightness: Double, alpha: Double = 1) {
        self.init(red: lightness, green: lightness, blue: lightness, alpha: alpha)
    }

    /// The same colour with a different opacity.
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// Opaque white.
    public static let white = Color(grey: 1)
    /// Opaque black.
    public static let black = Color(grey: 0)
    /// Fully transparent.
    public static let clear = Color(grey: 0, alpha: 0)
}
