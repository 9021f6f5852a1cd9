/// An array together with the key it was stored under, so that every error
/// about it can name the key.
public struct NamedArray: Sendable {
    /// The key in the file (`train_features`, `fc.weight`, …).
    public let key: String
    /// The array.
    public let array: ArrayView

    public init(key: String, array: ArrayView) {
        self.key = key
        self.array = array
    }
}
