import Foundation
import PenvizCore

/// Deterministic JSON for penviz's outputs: pretty-printed, keys sorted, slashes
/// unescaped, a final newline. The same value always gives the same bytes.
public enum JSONOutput {
    /// `value` as JSON bytes, for the file `file` when it has one.
    ///
    /// - Throws: ``PenvizError`` (input) naming `file` and the key of a non-finite
    ///   number (JSON has no NaN; undefined values are encoded as nil, not NaN):
    ///   such a metric comes from inputs too large for Float64 arithmetic.
    public static func encode<Value: Encodable>(_ value: Value, file: String? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(value)
            data.append(0x0A)
            return data
        } catch EncodingError.invalidValue(let invalid, let context) {
            let key = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            let problem = "metric \(key.hasPrefix(".") ? String(key.dropFirst()) : key) is \(invalid)"
                + (file == nil ? ": " : ", which JSON cannot hold: ") + "the inputs' values are too large for Float64 arithmetic"
            throw file.map { PenvizError.input($0, problem) } ?? PenvizError(.input, problem)
        }
    }

    /// Encodes `value` and adds it to `batch` as the content of `path`.
    ///
    /// - Throws: ``PenvizError`` (input) naming `path` and the key of a value JSON
    ///   cannot hold (an infinite or NaN metric), before anything is written.
    public static func write<Value: Encodable>(_ value: Value, to path: String, in batch: OutputBatch) throws {
        try batch.write(try encode(value, file: path), to: path)
    }

    /// Checks that every number of `value` is finite, as a command does with its
    /// metrics before it writes any output, with or without a JSON file.
    ///
    /// - Throws: ``PenvizError`` (input) naming the key of an infinite or NaN metric.
    public static func checkFinite<Value: Encodable>(_ value: Value) throws {
        _ = try encode(value)
    }

    /// Encodes `value` and writes it to `path` on its own (see ``write(_:to:in:)``).
    public static func write<Value: Encodable>(_ value: Value, to path: String) throws {
        let batch = OutputBatch()
        try write(value, to: path, in: batch)
        try batch.commit()
    }
}
