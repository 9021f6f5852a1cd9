import PenvizCore

/// The element type named by an `.npy` header's `descr`, such as `<f4`, `>i8`, `|b1`, `<U12` or `|S5`.
///
/// The first character is the byte order: `<` little, `>` big, `=` the machine's own,
/// `|` not applicable (one-byte types and byte strings). The rest is a kind letter
/// and the item size (for `U`, the length in UTF-32 code units).
enum NpyDescr: Equatable {
    /// A type penviz reads.
    case supported(DType, ByteOrder)
    /// A type penviz refuses, and the sentence that says why.
    case refused(String)

    /// Interprets a `descr` string. Object arrays, unusual kinds and bad spellings are refusals, not errors:
    /// the header itself is fine, and `penviz inspect` can still list the array.
    static func parse(_ descr: String) -> NpyDescr {
        guard let orderCharacter = descr.first, "<>=|".contains(orderCharacter) else {
            return .refused("dtype '\(descr)' has no byte-order character")
        }
        let rest = descr.dropFirst()
        guard let kind = rest.first else { return .refused("dtype '\(descr)' names no type") }
        if kind == "O" {
            return .refused("object arrays ('\(descr)') hold pickles; penviz never unpickles them")
        }
        guard let size = Int(rest.dropFirst()), size > 0, String(size) == rest.dropFirst() else {
            return unsupported(descr)
        }
        let dtype: DType
        switch (kind, size) {
        case ("f", 2): dtype = .float16
        case ("f", 4): dtype = .float32
        case ("f", 8): dtype = .float64
        case ("i", 1): dtype = .int8
        case ("i", 2): dtype = .int16
        case ("i", 4): dtype = .int32
        case ("i", 8): dtype = .int64
        case ("u", 1): dtype = .uint8
        case ("u", 2): dtype = .uint16
        case ("u", 4): dtype = .uint32
        case ("u", 8): dtype = .uint64
        case ("b", 1): dtype = .bool
        case ("U", _):
            // Four bytes a code unit: a longer item would not have a size that fits in Int.
            guard size <= Int.max / 4 else {
                return .refused("dtype '\(descr)' has items of \(size) UTF-32 code units, more bytes than fit in a 64-bit integer")
            }
            dtype = .unicode(length: size)
        case ("S", _): dtype = .bytes(length: size)
        case ("V", _): return .refused("dtype '\(descr)' is raw void data; penviz reads numbers and strings")
        default: return unsupported(descr)
        }
        let byteOrder: ByteOrder
        switch orderCharacter {
        case "<": byteOrder = .little
        case ">": byteOrder = .big
        case "=": byteOrder = .host
        default:
            // '|': byte order does not apply, which is only true of single bytes and byte strings.
            let orderless: Bool
            switch dtype {
            case .bool, .int8, .uint8, .bytes: orderless = true
            default: orderless = false
            }
            guard orderless else { return .refused("dtype '\(descr)' is multi-byte but has no byte order") }
            byteOrder = .little
        }
        return .supported(dtype, byteOrder)
    }

    private static func unsupported(_ descr: String) -> NpyDescr {
        .refused("dtype '\(descr)' is not supported (penviz reads f2 f4 f8, i1-i8, u1-u8, b1, U and S)")
    }
}
