import Foundation

/// Deterministic JSON for penviz's outputs: pretty-printed, keys sorted, slashes
/// unescaped, a final newline. The same value always gives the same bytes.
public enum JSONOutput {
    /// `value` as JSON bytes. Non-finite doubles are an error (JSON has no NaN): encode them as nil.
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Encodes `value` and writes it to `path` through ``AtomicFile``.
    public static func write<Value: Encodable>(_ value: Value, to path: String) throws {
        try AtomicFile.write(try encode(value), to: path)
    }
}
