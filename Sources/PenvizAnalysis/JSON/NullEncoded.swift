/// An optional value that JSON always shows: `"key": null` when absent,
/// instead of leaving the key out as synthesized `Codable` does.
///
/// penviz's metrics files have a stable schema: every documented key is
/// present in every file, and a value that is undefined (a class with no
/// examples, a ratio below two classes) is `null`.
///
/// ```swift
/// struct PanelMetrics: Codable {
///     @NullEncoded var tightness: Double?
/// }
/// ```
@propertyWrapper
public struct NullEncoded<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// The value, or nil for JSON `null`.
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}
