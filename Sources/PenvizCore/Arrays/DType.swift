/// The element type of a stored array, independent of the file format it came from.
///
/// Numeric types are read as `Double`; `unicode` (NumPy `<U…`, UTF-32 code units)
/// and `bytes` (NumPy `|S…`) hold fixed-length strings such as class names.
public enum DType: Hashable, Sendable {
    case bool
    case int8, int16, int32, int64
    case uint8, uint16, uint32, uint64
    case float16, bfloat16, float32, float64
    /// A fixed-length UTF-32 string of `length` code units (NumPy `U`).
    case unicode(length: Int)
    /// A fixed-length byte string of `length` bytes (NumPy `S`).
    case bytes(length: Int)

    /// Bytes one element occupies.
    public var itemSize: Int {
        switch self {
        case .bool, .int8, .uint8: return 1
        case .int16, .uint16, .float16, .bfloat16: return 2
        case .int32, .uint32, .float32: return 4
        case .int64, .uint64, .float64: return 8
        case .unicode(let length): return 4 * length
        case .bytes(let length): return length
        }
    }

    /// True for every type that reads as a number.
    public var isNumeric: Bool {
        switch self {
        case .unicode, .bytes: return false
        default: return true
        }
    }

    /// True for the floating-point types.
    public var isFloatingPoint: Bool {
        switch self {
        case .float16, .bfloat16, .float32, .float64: return true
        default: return false
        }
    }

    /// A short human name, NumPy style (`float32`, `<U12`, …), used by `penviz inspect`.
    public var name: String {
        switch self {
        case .bool: return "bool"
        case .int8: return "int8"
        case .int16: return "int16"
        case .int32: return "int32"
        case .int64: return "int64"
        case .uint8: return "uint8"
        case .uint16: return "uint16"
        case .uint32: return "uint32"
        case .uint64: return "uint64"
        case .float16: return "float16"
        case .bfloat16: return "bfloat16"
        case .float32: return "float32"
        case .float64: return "float64"
        case .unicode(let length): return "str[\(length)]"
        case .bytes(let length): return "bytes[\(length)]"
        }
    }
}

/// The byte order of multi-byte elements in storage.
public enum ByteOrder: Sendable {
    case little, big

    /// The byte order of the machine running penviz.
    public static var host: ByteOrder {
        1.littleEndian == 1 ? .little : .big
    }
}
