import Foundation

/// Finds keys that appear twice in one JSON object.
///
/// JSON parsers keep one of the values of a repeated key and say nothing; the
/// safetensors format calls such a header invalid, so penviz scans for them itself.
/// Keys are compared after unescaping (`"a"` and `"\u0061"` are the same key).
enum JSONDuplicateKeys {
    /// The first key repeated within one object of the well-formed JSON text `bytes`, or nil.
    static func first(in bytes: UnsafeRawBufferPointer) -> String? {
        // One entry per open container: the keys seen so far for an object, nil for an array.
        var containers: [Set<String>?] = []
        var expectingKey = false
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "{"):
                containers.append([])
                expectingKey = true
            case UInt8(ascii: "["):
                containers.append(nil)
                expectingKey = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = containers.popLast()
                expectingKey = false
            case UInt8(ascii: ","):
                expectingKey = containers.last.map { $0 != nil } ?? false
            case UInt8(ascii: "\""):
                let end = endOfString(bytes, from: position)
                if expectingKey, let key = decodeKey(UnsafeRawBufferPointer(rebasing: bytes[position..<end])) {
                    guard containers[containers.count - 1]!.insert(key).inserted else { return key }
                }
                expectingKey = false
                position = end
                continue
            default:
                break
            }
            position += 1
        }
        return nil
    }

    /// The index just past the closing quote of the string that opens at `start`.
    private static func endOfString(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var position = start + 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 2
            case UInt8(ascii: "\""): return position + 1
            default: position += 1
            }
        }
        return bytes.count
    }

    /// A quoted JSON string token, unescaped.
    private static func decodeKey(_ token: UnsafeRawBufferPointer) -> String? {
        let inner = token.dropFirst().dropLast()
        if !inner.contains(UInt8(ascii: "\\")) { return String(decoding: inner, as: UTF8.self) }
        return try? JSONDecoder().decode(String.self, from: Data(token))
    }
}
