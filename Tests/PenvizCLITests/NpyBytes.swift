import Foundation

/// Builds `.npy` files byte by byte, independently of penviz's writer, so the
/// command-line tests can make good and deliberately broken inputs.
enum NpyBytes {
    /// A version-1.0 `.npy` with the given header dict text and raw data.
    static func file(header: String, data: Data) -> Data {
        var dict = header
        let unpadded = 10 + dict.utf8.count + 1
        dict += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes = Data([0x93]) + Data("NUMPY".utf8) + Data([1, 0])
        let length = UInt16(dict.utf8.count)
        bytes += Data([UInt8(length & 0xff), UInt8(length >> 8)])
        bytes += Data(dict.utf8)
        return bytes + data
    }

    /// A little-endian float64 array of the given shape, C order.
    static func float64(_ values: [Double], shape: [Int]) -> Data {
        var data = Data()
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return file(header: "{'descr': '<f8', 'fortran_order': False, 'shape': \(tuple(shape)), }", data: data)
    }

    /// A little-endian int64 array of the given shape, C order.
    static func int64(_ values: [Int], shape: [Int]) -> Data {
        var data = Data()
        for value in values {
            withUnsafeBytes(of: Int64(value).littleEndian) { data.append(contentsOf: $0) }
        }
        return file(header: "{'descr': '<i8', 'fortran_order': False, 'shape': \(tuple(shape)), }", data: data)
    }

    /// A `<U` array of strings.
    static func unicode(_ strings: [String]) -> Data {
        let length = max(1, strings.map { $0.unicodeScalars.count }.max() ?? 1)
        var data = Data()
        for string in strings {
            var scalars = string.unicodeScalars.map { $0.value }
            scalars += Array(repeating: 0, count: length - scalars.count)
            for scalar in scalars { withUnsafeBytes(of: scalar.littleEndian) { data.append(contentsOf: $0) } }
        }
        return file(header: "{'descr': '<U\(length)', 'fortran_order': False, 'shape': (\(strings.count),), }", data: data)
    }

    /// Python's spelling of a shape tuple.
    static func tuple(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
