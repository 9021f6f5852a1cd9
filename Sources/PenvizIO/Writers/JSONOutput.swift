import Foundation
import PenvizCore

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

    /// Encodes `value` and adds it to `batch` as the content of `path`.
    ///
    /// - Throws: ``PenvizError`` (input) naming `path` and the key of a value JSON
    ///   cannot hold (an infinite or NaN metric), before anything is written.
    public static func write<Value: Encodable>(_ value: Value, to path: String, in batch: OutputBatch) throws {
        let data: Data
        do {
            data = try encode(value)
        } catch EncodingError.invalidValue(let invalid, let context) {
            let key = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            throw PenvizError.input(
                path, "metric \(key.hasPrefix(".") ? String(key.dropFirst()) : key) is \(invalid), which JSON cannot hold: "
                    + "the inputs' values are too large for Float64 arithmetic")
        }
        try batch.write(data, to: path)
    }

    /// Encodes `value` and writes it to `path` on its own (see ``write(_:to:in:)``).
    public static func write<Value: Encodable>(_ value: Value, to path: String) throws {
        let batch = OutputBatch()
        try write(value, to: path, in: batch)
        try batch.commit()
    }
}
