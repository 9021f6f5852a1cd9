import Foundation
import PenvizTestSupport
import Testing
@testable import PenvizCore

/// A split's labels, read from every integer and float type and checked against K.
struct RunLabelsTests {
    /// Five labels stored as `dtype` in `byteOrder`, from their 64-bit patterns (two's complement
    /// for signed types, the value's bits for float types), each truncated to the item size.
    func labels(_ values: [Double], as dtype: DType, byteOrder: ByteOrder = .little) throws -> ArrayView {
        var bytes: [UInt8] = []
        for value in values {
            var word: [UInt8]
            switch dtype {
            case .float32: word = withUnsafeBytes(of: Float(value).bitPattern.littleEndian, Array.init)
            case .float64: word = withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init)
            case .uint64: word = withUnsafeBytes(of: UInt64(value).littleEndian, Array.init)
            default: word = Array(withUnsafeBytes(of: Int64(value).littleEndian, Array.init).prefix(dtype.itemSize))
            }
            bytes += byteOrder == .little ? word : word.reversed()
        }
        return try ArrayView(shape: [values.count], dtype: dtype, byteOrder: byteOrder, storage: ByteStorage(copying: bytes))
    }

    /// A run of K = 3 classes, D = 1, whose one split has `labels`.
    func run(labels: ArrayView) throws -> Run {
        let rows = labels.count
        let features = try ArrayView(shape: [rows, 1], dtype: .float64, storage: ByteStorage(copying: [UInt8](repeating: 0, count: rows * 8)))
        let weight = try ArrayView(
            shape: [3, 1], dtype: .float64,
            storage: ByteStorage(copying: [1.0, 2.0, 3.0].flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }))
        return try Run(parts: RunParts(
            source: "run.npz", name: "run", weight: NamedArray(key: "weight", array: weight),
            splits: [.init(name: "val", features: NamedArray(key: "val_features", array: features), labels: NamedArray(key: "val_labels", array: labels))]))
    }

    /// The one-line message of the error `run(labels:)` throws.
    func failure(_ labels: ArrayView) -> String {
        do {
            _ = try run(labels: labels)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    static let everyType: [DType] = [.int8, .int16, .int32, .int64, .uint8, .uint16, .uint32, .uint64, .float32, .float64]

    @Test(arguments: everyType)
    func classIdsReadTheSameFromEveryType(dtype: DType) throws {
        for order in [ByteOrder.little, .big] {
            let split = try run(labels: labels([2, 0, 1, 1, 2], as: dtype, byteOrder: order)).splits[0]
            #expect(split.labels == [2, 0, 1, 1, 2], "\(dtype) \(order)")
        }
    }

    @Test(arguments: everyType)
    func aLabelOfKIsOutsideTheClasses(dtype: DType) throws {
        #expect(failure(try labels([0, 1, 2, 3, 0], as: dtype)).contains("label in row 3 is 3, outside 0…2"))
    }

    @Test(arguments: [DType.int8, .int16, .int32, .int64, .float32, .float64])
    func aNegativeLabelIsOutsideTheClasses(dtype: DType) throws {
        #expect(failure(try labels([0, 1, -1, 2, 0], as: dtype)).contains("label in row 2 is -1, outside 0…2"))
    }

    @Test func theLargestUnsignedLabelsAreShownAsTheyAre() throws {
        // 2³²−1 fits Int; 2⁶⁴−2048 does not and is shown as a Float64, never converted.
        #expect(failure(try labels([0, 4_294_967_295, 0], as: .uint32)).contains("label in row 1 is 4294967295, outside 0…2"))
        #expect(failure(try labels([0, 0, 18_446_744_073_709_549_568], as: .uint64)).contains("label in row 2 is 1.844674407370955e+19, outside"))
    }

    @Test func aFractionalLabelIsNotAnInteger() throws {
        #expect(failure(try labels([0, 1.5, 2], as: .float64)).contains("label in row 1 is 1.5, not an integer"))
    }
}
