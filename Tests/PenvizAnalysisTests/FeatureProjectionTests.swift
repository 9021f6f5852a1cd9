import Foundation
import PenvizCore
import PenvizTestSupport
import Testing
@testable import PenvizAnalysis

/// The streaming projection (``TemplatePlane/project(features:rows:threads:progress:)``)
/// against a plain Float64 reference, in every stored float layout, thread count
/// and row kernel this CPU runs.
struct FeatureProjectionTests {
    static let floatTypes: [DType] = [.float16, .bfloat16, .float32, .float64]
    /// The AVX2 kernel where this CPU has it, and the portable one always.
    static let kernels: [RowDots] = RowDots.fastest == .avx2 ? [.avx2, .portable] : [.portable]

    /// A plane in R^D (D = 37: nine lanes of four and a tail of one) and N rows of features.
    func fixture(rows: Int = 301, dimension: Int = 37, seed: UInt64 = 8) throws -> (TemplatePlane, [Double]) {
        var generator = SeededGenerator(seed: seed)
        let weight = TestData.randomMatrix(5, dimension, in: -2...2, &generator)
        let bias = TestData.uniform(5, &generator)
        let plane = try TemplatePlane(weight: weight, bias: bias, triplet: Triplet(4, 0, 2))
        return (plane, TestData.uniform(rows * dimension, in: -3...3, &generator))
    }

    /// (x̃ − o)·e summed term by term in Float64, x̃ = [x, 1]: the definition, not the code's rearrangement.
    func reference(_ x: ArraySlice<Double>, _ plane: TemplatePlane) -> PlanePoint {
        let augmented = Array(x) + [1]
        var p1 = 0.0, p2 = 0.0
        for i in augmented.indices {
            p1 += (augmented[i] - plane.origin[i]) * plane.e1[i]
            p2 += (augmented[i] - plane.origin[i]) * plane.e2[i]
        }
        return PlanePoint(p1: p1, p2: p2)
    }

    @Test(arguments: floatTypes)
    func matchesTheFloat64ReferenceAtAnyThreadCount(dtype: DType) throws {
        let (plane, values) = try fixture()
        let d = plane.featureDimension, n = values.count / d
        let stored = StreamingSupport.rounded(values, to: dtype)
        let features = try StreamingSupport.view(values, rows: n, columns: d, dtype: dtype)
        let one = plane.project(features: features, threads: 1)
        let two = plane.project(features: features, threads: 2)
        #expect(one == two)
        let expected = (0..<n).map { reference(stored[($0 * d)..<(($0 + 1) * d)], plane) }
        let largest = expected.map { max(abs($0.p1), abs($0.p2)) }.max()!
        for (got, want) in zip(one, expected) {
            // DESIGN §2: 1e-5 relative with a floor of 1e-7 × the largest magnitude; Float64 sums do far better.
            #expect(TestData.close(got.p1, want.p1, relative: 1e-12, absolute: 1e-12 * largest))
            #expect(TestData.close(got.p2, want.p2, relative: 1e-12, absolute: 1e-12 * largest))
        }
    }

    @Test(arguments: floatTypes, kernels)
    func inPlaceRowsGiveTheBitsOfTheWidenedPath(dtype: DType, kernel: RowDots) throws {
        // Big-endian and Fortran-order rows are widened through readRow; little-endian C-order
        // rows are read in place by the C kernel. Both must give the bits of the Float64 row's
        // projection (the same lanes and fold), for D = 37 (a tail of five) and D = 8 (none).
        for dimension in [37, 8, 3] {
            let (plane, values) = try fixture(rows: 40, dimension: dimension)
            let d = plane.featureDimension, n = values.count / d
            let features = try StreamingSupport.view(values, rows: n, columns: d, dtype: dtype)
            let inPlace = plane.project(features: features, rows: nil, threads: 2, progress: nil, kernel: kernel)
            let bigEndian = try StreamingSupport.view(values, rows: n, columns: d, dtype: dtype, byteOrder: .big)
            let fortran = try StreamingSupport.view(values, rows: n, columns: d, dtype: dtype, fortran: true)
            #expect(plane.project(features: bigEndian) == inPlace)
            #expect(plane.project(features: fortran) == inPlace)
            let perRow = (0..<n).map { plane.project(StreamingSupport.rounded(Array(values[($0 * d)..<(($0 + 1) * d)]), to: dtype)) }
            #expect(perRow == inPlace)
        }
    }

    @Test(arguments: kernels)
    func everyFiniteHalfAndBFloat16IsWidenedExactly(kernel: RowDots) throws {
        // One row holding every finite float16 (and one every finite bfloat16) bit pattern,
        // subnormals, ±0 and the largest values included, against the Float64 row widened by Swift.
        let halves = (0...UInt16.max).filter { $0 & 0x7C00 != 0x7C00 }
        let bfloats = (0...UInt16.max).filter { $0 & 0x7F80 != 0x7F80 }
        let cases: [(DType, [UInt16], [Double])] = [
            (.float16, halves, halves.map { Double(Float16(bitPattern: $0)) }),
            (.bfloat16, bfloats, bfloats.map { Double(Float(bitPattern: UInt32($0) << 16)) }),
        ]
        for (dtype, bits, widened) in cases {
            var generator = SeededGenerator(seed: 12)
            let plane = try TemplatePlane(
                weight: TestData.randomMatrix(3, bits.count, &generator), bias: [0, 0, 0], triplet: Triplet(0, 1, 2))
            let bytes = bits.flatMap { withUnsafeBytes(of: $0.littleEndian) { Array($0) } }
            let row = try ArrayView(shape: [1, bits.count], dtype: dtype, byteOrder: .little, storage: ByteStorage(copying: bytes))
            let got = plane.project(features: row, rows: nil, threads: 1, progress: nil, kernel: kernel)
            #expect(got == [plane.project(widened)], "\(dtype)")
        }
    }

    @Test(arguments: kernels)
    func projectsEveryShardOfAShardedArray(kernel: RowDots) throws {
        // 10 rows of D = 9 float16 values in a C-order, a one-row Fortran-order and a C-order shard.
        let (plane, values) = try fixture(rows: 10, dimension: 9, seed: 13)
        let d = plane.featureDimension
        func shard(_ rows: Range<Int>, fortran: Bool) throws -> ArrayView {
            try StreamingSupport.view(Array(values[(rows.lowerBound * d)..<(rows.upperBound * d)]), rows: rows.count, columns: d, dtype: .float16, fortran: fortran)
        }
        let array = try ArrayView(concatenating: [shard(0..<4, fortran: false), shard(4..<5, fortran: true), shard(5..<10, fortran: false)])
        let expected = (0..<10).map { plane.project(array.row($0)) }
        #expect(plane.project(features: array, rows: nil, threads: 1, progress: nil, kernel: kernel) == expected)
        #expect(plane.project(features: array, rows: [9, 4, 0], threads: 2, progress: nil, kernel: kernel) == [expected[9], expected[4], expected[0]])
    }

    @Test func projectsChosenRowsInTheirOrderAcrossChunks() throws {
        // D = 37 float64 rows are 296 bytes: 7085 rows to a 2 MiB chunk, so 20,000 rows make three chunks.
        let (plane, values) = try fixture(rows: 20_000, seed: 9)
        let d = plane.featureDimension, n = values.count / d
        let features = try StreamingSupport.view(values, rows: n, columns: d, dtype: .float64)
        let all = plane.project(features: features, threads: 2)
        let chosen = [19_999, 3, 7_085, 7_084, 0, 14_170, 3]
        #expect(plane.project(features: features, rows: chosen, threads: 2) == chosen.map { all[$0] })
        #expect(plane.project(features: features, rows: [], threads: 2).isEmpty)
    }

    @Test(arguments: floatTypes)
    func theProjectionFindsTheNonfiniteRows(dtype: DType) throws {
        // A NaN or ±∞ anywhere in a row, even in a column where both basis vectors are 0,
        // makes its point non-finite; rows left out of the projection are not looked at.
        var generator = SeededGenerator(seed: 11)
        var weight = TestData.randomMatrix(3, 6, &generator)
        for k in 0..<3 { weight[k, 5] = 1 }  // column 5 is equal in every template: e1[5] = e2[5] = 0
        let plane = try TemplatePlane(weight: weight, bias: [0, 0, 0], triplet: Triplet(0, 1, 2))
        #expect(plane.e1[5] == 0 && plane.e2[5] == 0)
        var values = TestData.uniform(8 * 6, &generator)
        values[1 * 6 + 5] = .infinity
        values[4 * 6 + 0] = .nan
        values[6 * 6 + 3] = -.infinity
        let features = try StreamingSupport.view(values, rows: 8, columns: 6, dtype: dtype)
        let points = plane.project(features: features)
        #expect(TemplatePlane.nonfiniteRows(of: features, rows: nil, points: points) == [1, 4, 6])
        let some = [7, 6, 0, 4]
        let chosen = plane.project(features: features, rows: some)
        #expect(TemplatePlane.nonfiniteRows(of: features, rows: some, points: chosen) == [6, 4])
    }

    @Test func releasesEveryRowsBytesAndCountsEveryRow() throws {
        let (plane, values) = try fixture(rows: 20_000, seed: 10)
        let d = plane.featureDimension, n = values.count / d
        let copy = try StreamingSupport.view(values, rows: n, columns: d, dtype: .float32)
        let paging = RecordingPaging()
        let storage = ByteStorage(base: copy.storage.base + 0, count: copy.storage.count, paging: paging) { _ = copy }
        let features = try ArrayView(shape: [n, d], dtype: .float32, storage: storage)
        let progress = CountingProgress()
        _ = plane.project(features: features, threads: 2, progress: progress)
        #expect(progress.total == n)
        let released = paging.ranges.sorted { $0.lowerBound < $1.lowerBound }
        #expect(released.first?.lowerBound == 0)
        #expect(released.last?.upperBound == n * d * 4)
        #expect(zip(released, released.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }
}
