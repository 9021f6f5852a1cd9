/// The typeface settings of one piece of text. The family is always DejaVu Sans.
public struct Font: Equatable, Hashable, Sendable {
    /// How heavy the strokes are.
    public enum Weight: Equatable, Hashable, Sendable {
        /// Book weight.
        case regular
        /// Bold.
        case bold
    }

    /// The em size in points.
    public var size: Double
    /// Regular or bold.
    public var weight: Weight

    /// A font of `size` points.
    public init(size: Double, weight: Weight = .regular) {
        self.size = size
        self.weight = weight
    }
}
