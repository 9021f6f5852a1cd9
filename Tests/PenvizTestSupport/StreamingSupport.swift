import PenvizCore

/// Arrays in every float layout the streaming kernels meet, built byte by byte
/// so that the tests do not go through the code they check.
public enum StreamingSupport {
    /// `values` rounded to `dtype` (float16, bfloat16, float32 or float64), as Float64:
    /// what a reader of the stored array must see.
    public static func rounded(_ values: [Double], to dtype: DType) -> [Double] {
        values.map { value in
            switch dtype {
            case .float16: return Double(Float16(value))
            case .bfloat16: return Double(Float(bitPattern: bfloat16Bits(Float(value)) << 16))
            case .float32: return Double(Float(value))
            default: return value
            }
        }
    }

    /// The bfloat16 nearest to `value` (ties to even), as the high 16 bits.
    public static func bfloat16Bits(_ value: Float) -> UInt32 {
        let bits = value.bitPattern
        return (bits &+ 0x7FFF &+ ((bits >> 16) & 1)) >> 16
    }

    /// A view of a rows×columns array of `values` (given in C order) stored as `dtype`
    /// in `byteOrder`, in C or Fortran order.
    public static func view(
        _ values: [Double], rows: Int, columns: Int, dtype: DType, byteOrder: ByteOrder = .little, fortran: Bool = false
    ) throws -> ArrayView {
        var bytes: [UInt8] = []
        let order = fortran
            ? (0..<columns).flatMap { column in (0..<rows).map { $0 * columns + column } }
            : Array(0..<(rows * columns))
        for index in order {
            let value = values[index]
            let word: [UInt8]
            switch dtype {
            case .float16: word = withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { Array($0) }
            case .bfloat16: word = withUnsafeBytes(of: UInt16(bfloat16Bits(Float(value))).littleEndian) { Array($0) }
            case .float32: word = withUnsafeBytes(of: Float(value).bitPattern.littleEndian) { Array($0) }
            default: word = withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) }
            }
            bytes += byteOrder == .little ? word : word.reversed()
        }
        return try ArrayView(
            shape: [rows, columns], dtype: dtype, byteOrder: byteOrder, fortranOrder: fortran,
            storage: ByteStorage(copying: bytes))
    }
}
