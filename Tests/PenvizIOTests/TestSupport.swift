import Foundation
import PenvizCore
import Testing

/// Paths of the committed fixtures (written by `scripts/make-fixtures`).
enum Fixtures {
    static let root: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relative)))
    }
}

/// The fixture formula, recomputed here independently of the Python script:
/// k = (7i + 3j) mod 11; floats k − 5 + j/4; signed (k − 5)·2^(8·size−4);
/// unsigned k·2^(8·size−4); bool k odd. 1-d arrays use j = 0, 0-d arrays (i, j) = (1, 0).
enum Formula {
    static func k(_ i: Int, _ j: Int) -> Int { (7 * i + 3 * j) % 11 }

    /// Element (i, j) of the fixture array of NumPy type code `code` (`f4`, `i2`, `u8`, `b1`, …).
    static func value(_ code: String, _ i: Int, _ j: Int) -> Double {
        let size = Int(code.dropFirst())!
        let scale = Double(sign: .plus, exponent: 8 * size - 4, significand: 1)
        switch code.first! {
        case "f": return Double(k(i, j) - 5) + Double(j) / 4
        case "i": return Double(k(i, j) - 5) * scale
        case "u": return Double(k(i, j)) * scale
        default: return k(i, j) % 2 == 1 ? 1 : 0
        }
    }

    /// Every element of a fixture array of `shape`, in C order.
    static func values(_ code: String, shape: [Int]) -> [Double] {
        switch shape.count {
        case 0: return [value(code, 1, 0)]
        case 1: return (0..<shape[0]).map { value(code, $0, 0) }
        default: return (0..<shape[0]).flatMap { i in (0..<shape[1]).map { j in value(code, i, j) } }
        }
    }
}

/// The class names the fixtures store.
let fixtureClassNames = ["airplane", "automobile", "bird", "café", "ü-日本"]

/// A fresh temporary folder, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("penviz-io-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The path of `name` inside the folder.
    func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    /// Writes `bytes` to `name` (creating subfolders) and returns its path.
    @discardableResult
    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let target = file(name)
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    /// Writes `text` as UTF-8 to `name` and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try write(Array(text.utf8), to: name)
    }

    /// The names in the folder, sorted (hidden ones included).
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
}

/// Runs `body`, expects a ``PenvizError`` of kind `.input`, and checks that its message
/// contains every one of `fragments` (the file, the key, the problem).
func expectInputError(
    _ fragments: String..., sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected an error mentioning \(fragments)", sourceLocation: sourceLocation)
    } catch let error as PenvizError {
        #expect(error.kind == .input, sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
        }
        #expect(!error.message.contains("\n"), "one line: \(error.message)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a PenvizError, got \(error)", sourceLocation: sourceLocation)
    }
}

/// `.npy` bytes with the given header text and data, written by hand (not by the code under test).
func npyBytes(header: String, version: UInt8 = 1, data: [UInt8] = []) -> [UInt8] {
    var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [version, 0]
    let text = Array(header.utf8)
    if version == 1 {
        bytes += [UInt8(text.count & 0xFF), UInt8(text.count >> 8)]
    } else {
        bytes += (0..<4).map { UInt8((text.count >> (8 * $0)) & 0xFF) }
    }
    return bytes + text + data
}

/// Little-endian bytes of an integer.
func littleEndianBytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
}

/// `.safetensors` bytes written by hand: the 8-byte length (or `claimedLength`), the JSON, the data.
func safetensorsBytes(json: String, data: [UInt8], claimedLength: UInt64? = nil) -> [UInt8] {
    let header = Array(json.utf8)
    return littleEndianBytes(claimedLength ?? UInt64(header.count)) + header + data
}
