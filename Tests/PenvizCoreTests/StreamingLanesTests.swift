import PenvizTestSupport
import Testing
@testable import PenvizCore

/// The four-lane widening of stored floats and the in-place non-finite check.
struct StreamingLanesTests {
    @Test func float16WideningIsExactForEveryBitPattern() {
        for start in stride(from: 0, to: 65_536, by: 4) {
            let halves = SIMD4<UInt16>((0..<4).map { UInt16(start + $0) })
            let widened = Float16Lanes.binary32(halves)
            for lane in 0..<4 {
                let expected = Float(Float16(bitPattern: halves[lane]))
                if expected.isNaN {
                    #expect(widened[lane].isNaN)
                } else {
                    #expect(widened[lane].bitPattern == expected.bitPattern, "bits \(halves[lane])")
                }
            }
        }
    }

    @Test(arguments: [DType.float16, .bfloat16, .float32, .float64])
    func findsEveryNonfiniteRowAtAnyThreadCount(dtype: DType) throws {
        // 4000 rows of 9 columns: two lanes of four and a tail of one, in every layout.
        let rows = 4_000, columns = 9
        var values = (0..<(rows * columns)).map { Double($0 % 17) - 8 }
        let bad = [0, 5, 1_234, 3_999]
        values[0 * columns + 0] = .nan
        values[5 * columns + 8] = .infinity
        values[1_234 * columns + 4] = -.infinity
        values[3_999 * columns + 8] = .nan
        for (order, fortran) in [(ByteOrder.little, false), (.big, false), (.little, true)] {
            let array = try StreamingSupport.view(values, rows: rows, columns: columns, dtype: dtype, byteOrder: order, fortran: fortran)
            #expect(array.nonfiniteRows(threads: 1) == bad)
            #expect(array.nonfiniteRows(threads: 2) == bad)
        }
    }

    @Test func integerArraysAreFiniteWithoutReading() throws {
        let labels = try ArrayView(shape: [3], dtype: .int64, storage: ByteStorage(copying: [UInt8](repeating: 0xFF, count: 24)))
        #expect(labels.nonfiniteRows().isEmpty)
    }
}
