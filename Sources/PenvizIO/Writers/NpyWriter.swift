import Foundation
import PenvizCore

/// Encodes arrays as `.npy` version 1.0 bytes, exactly as `np.save` writes them.
///
/// The header is `{'descr': …, 'fortran_order': False, 'shape': …, }`, followed (as
/// NumPy does since 1.23) by spaces that leave room for the first dimension to grow to
/// 21 digits, then padded with spaces and a newline so that the data starts at a
/// multiple of 64 bytes. Data is little-endian, C order. Write the result with ``AtomicFile``.
public enum NpyWriter {
    /// `values` (C order) as a `<f8` array of `shape` (one or two dimensions).
    public static func encode(float64 values: [Double], shape: [Int]) -> Data {
        var data = header(descr: "<f8", shape: shape, count: values.count)
        data.reserveCapacity(data.count + values.count * 8)
        for value in values { append(value.bitPattern, to: &data) }
        return data
    }

    /// Writes a `<f8` array of `rows` × `columns` to `file`, a block of rows at a time:
    /// `fill(block, values)` puts the values of rows `block` (C order) into `values`,
    /// which holds `block.count × columns`. At most `blockRows` rows are in memory at once.
    public static func write(
        float64Rows rows: Int, columns: Int, to file: StreamedFile, blockRows: Int = 32_768,
        fill: (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void
    ) throws {
        precondition(blockRows > 0, "NpyWriter: blocks need at least one row")
        try file.write(header(descr: "<f8", shape: [rows, columns], count: rows * columns))
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: min(rows, blockRows) * columns)
        defer { buffer.deallocate() }
        for start in stride(from: 0, to: rows, by: blockRows) {
            let block = start..<min(start + blockRows, rows)
            let values = UnsafeMutableBufferPointer(rebasing: buffer[0..<(block.count * columns)])
            fill(block, values)
            if ByteOrder.host == .big {
                for index in values.indices { values[index] = Double(bitPattern: values[index].bitPattern.littleEndian) }
            }
            try file.write(UnsafeRawBufferPointer(values))
        }
    }

    /// `values` (C order) as a `<i8` array of `shape` (one or two dimensions).
    public static func encode(int64 values: [Int64], shape: [Int]) -> Data {
        var data = header(descr: "<i8", shape: shape, count: values.count)
        data.reserveCapacity(data.count + values.count * 8)
        for value in values { append(UInt64(bitPattern: value), to: &data) }
        return data
    }

    /// `values` (C order) as a `<U` array of `shape`, as wide as the longest string in Unicode
    /// scalars (at least 1, as NumPy makes it), shorter strings padded with NULs.
    public static func encode(unicode values: [String], shape: [Int]) -> Data {
        let length = max(1, values.map(\.unicodeScalars.count).max() ?? 0)
        var data = header(descr: "<U\(length)", shape: shape, count: values.count)
        data.reserveCapacity(data.count + values.count * length * 4)
        for value in values {
            for scalar in value.unicodeScalars { append(scalar.value, to: &data) }
            for _ in value.unicodeScalars.count..<length { append(UInt32(0), to: &data) }
        }
        return data
    }

    /// The magic, version 1.0, the header length and the padded header dict.
    static func header(descr: String, shape: [Int], count: Int) -> Data {
        precondition((1...2).contains(shape.count), "NpyWriter writes 1-d and 2-d arrays")
        precondition(shape.reduce(1, *) == count, "NpyWriter: \(count) values for shape \(shape)")
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(\(shape[0]), \(shape[1]))"
        var dict = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        // NumPy's growth-axis padding: room for the first extent to reach 21 digits.
        dict += String(repeating: " ", count: max(0, 21 - String(shape[0]).count))
        // magic (6) + version (2) + length (2) + dict + padding + "\n" is a multiple of 64;
        // like NumPy, an exact fit still gets a full 64 bytes of padding.
        let unpadded = 10 + dict.utf8.count + 1
        let padding = 64 - unpadded % 64
        let headerLength = dict.utf8.count + padding + 1
        var data = Data(NpyHeader.magic + [1, 0])
        append(UInt16(headerLength), to: &data)
        data.append(contentsOf: Array(dict.utf8))
        data.append(contentsOf: [UInt8](repeating: 0x20, count: padding))
        data.append(0x0A)
        return data
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
}
