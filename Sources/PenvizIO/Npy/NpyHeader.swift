import PenvizCore

/// The header at the start of an `.npy` file (NumPy `lib/format`, versions 1.0, 2.0 and 3.0).
///
/// Layout: the magic `\x93NUMPY`, a major and a minor version byte, the header
/// length (little-endian `UInt16` in 1.0, `UInt32` in 2.0 and 3.0), then the header:
/// a Python dict literal with exactly the keys `descr`, `fortran_order` and `shape`,
/// latin-1 in 1.0 and 2.0, UTF-8 in 3.0, padded with spaces and a newline. The
/// array data follows the header.
public struct NpyHeader: Equatable, Sendable {
    /// The format's major version: 1, 2 or 3 (the minor version is always 0).
    public let majorVersion: UInt8
    /// The element type as the header spells it (`<f4`, `|O`, …); `structured` for a list of fields.
    public let descr: String
    /// The element type penviz reads it as; nil when penviz refuses it (see ``refusal``).
    public let dtype: DType?
    /// The byte order of multi-byte elements.
    public let byteOrder: ByteOrder
    /// True when the data is stored in Fortran (column-major) order.
    public let isFortranOrder: Bool
    /// The array's shape; `[]` for a 0-d array.
    public let shape: [Int]
    /// Bytes from the start of the `.npy` data to the first array byte (preamble plus header).
    public let dataOffset: Int
    /// Why penviz refuses the element type, when it does.
    public let refusal: String?

    /// The magic string every `.npy` file starts with.
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]
    /// Bytes that always suffice to find the header length: magic, version, a 4-byte length.
    public static let preambleSize = 12
    /// Headers longer than this are refused; NumPy itself refuses more than 10,000 bytes by default.
    public static let maximumHeaderSize = 1 << 20

    /// Bytes of array data the header describes; nil when the element type is refused
    /// (its item size is then unknown or meaningless, as for pickled objects).
    ///
    /// Never overflows: ``parse(_:file:key:)`` has checked that the product fits in `Int`.
    public var dataByteCount: Int? {
        guard let dtype else { return nil }
        return ArrayView.elementCount(shape)! * dtype.itemSize
    }

    /// Bytes from the start of the data to the first array byte, read from the first bytes
    /// (at least ``preambleSize`` of them, or the whole data when it is shorter).
    ///
    /// Use it to learn how much to read before calling ``parse(_:file:key:)``.
    public static func headerEnd(_ preamble: UnsafeRawBufferPointer, file: String, key: String) throws -> Int {
        func fail(_ problem: String) -> PenvizError { PenvizError.input(file, key: key, problem) }
        guard preamble.count >= 10 else {
            throw fail("\(preamble.count) bytes are too few for a .npy header (the preamble alone is 10 bytes)")
        }
        guard Array(preamble.prefix(6)) == magic else {
            throw fail("not .npy data (it does not start with the \\x93NUMPY magic)")
        }
        let major = preamble[6], minor = preamble[7]
        guard (1...3).contains(major), minor == 0 else {
            throw fail("unsupported .npy format version \(major).\(minor) (penviz reads 1.0, 2.0 and 3.0)")
        }
        let lengthField: Int
        let headerLength: Int
        if major == 1 {
            lengthField = 2
            headerLength = Int(preamble.littleEndian(UInt16.self, at: 8)!)
        } else {
            guard let length = preamble.littleEndian(UInt32.self, at: 8) else {
                throw fail("\(preamble.count) bytes are too few for a version \(major).0 .npy header")
            }
            lengthField = 4
            headerLength = Int(length)
        }
        guard headerLength <= maximumHeaderSize else {
            throw fail("header claims \(headerLength) bytes; penviz refuses headers over \(maximumHeaderSize) bytes")
        }
        return 8 + lengthField + headerLength
    }

    /// Parses the header at the start of `bytes` and checks that its shape's size is computable.
    ///
    /// `bytes` may hold the whole file or just the header. It does not check that the data
    /// fits: the caller compares ``dataOffset`` + ``dataByteCount`` with what it has.
    /// Errors name `file` and `key`.
    public static func parse(_ bytes: UnsafeRawBufferPointer, file: String, key: String) throws -> NpyHeader {
        func fail(_ problem: String) -> PenvizError { PenvizError.input(file, key: key, problem) }
        let end = try headerEnd(bytes, file: file, key: key)
        guard end <= bytes.count else {
            throw fail("header claims \(end) bytes but only \(bytes.count) are there")
        }
        let major = bytes[6]
        let textStart = major == 1 ? 10 : 12
        let textBytes = bytes[textStart..<end]
        let text: String
        if major == 3 {
            guard let decoded = String(validating: textBytes, as: UTF8.self) else {
                throw fail("version 3.0 header is not valid UTF-8")
            }
            text = decoded
        } else {
            // Latin-1: every byte is the code point of the same value.
            text = String(String.UnicodeScalarView(textBytes.map { Unicode.Scalar($0) }))
        }
        let literal: PythonLiteral
        do {
            literal = try PythonLiteral.parse(text)
        } catch {
            throw fail("header is not a valid dict literal: \(error)")
        }
        let fields = try Fields(literal, fail: fail)
        return NpyHeader(
            majorVersion: major, descr: fields.descr, dtype: fields.dtype, byteOrder: fields.byteOrder,
            isFortranOrder: fields.fortranOrder, shape: fields.shape, dataOffset: end, refusal: fields.refusal)
    }
}

/// The three entries of the header dict, checked.
private struct Fields {
    var descr = ""
    var dtype: DType?
    var byteOrder = ByteOrder.little
    var refusal: String?
    var fortranOrder = false
    var shape: [Int] = []

    init(_ literal: PythonLiteral, fail: (String) -> PenvizError) throws {
        guard case .dict(let entries) = literal else {
            throw fail("header is \(literal.kindName), not a dict")
        }
        let keys = Set(entries.map(\.key))
        for required in ["descr", "fortran_order", "shape"] where !keys.contains(required) {
            throw fail("header has no '\(required)'")
        }
        if let extra = entries.first(where: { !["descr", "fortran_order", "shape"].contains($0.key) }) {
            throw fail("header has an unexpected key '\(extra.key)'")
        }
        for entry in entries {
            switch (entry.key, entry.value) {
            case ("descr", .string(let text)):
                descr = text
                switch NpyDescr.parse(text) {
                case .supported(let type, let order): (dtype, byteOrder) = (type, order)
                case .refused(let reason): refusal = reason
                }
            case ("descr", .list):
                descr = "structured"
                refusal = "structured dtypes (records with named fields) are not supported; save each field as its own array"
            case ("fortran_order", .bool(let flag)):
                fortranOrder = flag
            case ("shape", .tuple(let extents)):
                shape = try extents.map { extent in
                    guard case .integer(let value) = extent else {
                        throw fail("shape holds \(extent.kindName), not an integer")
                    }
                    guard value >= 0 else { throw fail("shape has a negative dimension \(value)") }
                    return value
                }
            default:
                throw fail("'\(entry.key)' is \(entry.value.kindName), which a .npy header never holds there")
            }
        }
        let shapeText = "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
        guard let count = ArrayView.elementCount(shape) else {
            throw fail("shape \(shapeText) has more elements than fit in a 64-bit integer")
        }
        if let dtype, count.multipliedReportingOverflow(by: dtype.itemSize).overflow {
            throw fail("shape \(shapeText) of \(dtype.itemSize)-byte items needs more bytes than fit in a 64-bit integer")
        }
    }
}
