import PenvizTestSupport
import Testing
@testable import PenvizCore

/// Arrays sharded over several storages (``ArrayView/init(concatenating:)``) read
/// as one array, through every accessor and the streaming passes.
struct StreamingShardsTests {
    /// 10×3 values 0, 1, …, 29 in C order, split after rows 4 and 5 into a C-order float32
    /// shard, a one-row Fortran-order shard and a big-endian-free C-order shard.
    func sharded(dtype: DType = .float32) throws -> ArrayView {
        let values = (0..<30).map(Double.init)
        return try ArrayView(concatenating: [
            StreamingSupport.view(Array(values[0..<12]), rows: 4, columns: 3, dtype: dtype),
            StreamingSupport.view(Array(values[12..<15]), rows: 1, columns: 3, dtype: dtype, fortran: true),
            StreamingSupport.view(Array(values[15..<30]), rows: 5, columns: 3, dtype: dtype, fortran: true),
        ])
    }

    @Test func readsAsOneArray() throws {
        let array = try sharded()
        #expect(array.shape == [10, 3])
        #expect(array.segments.map(\.firstRow) == [0, 4, 5])
        #expect(array.doubles() == (0..<30).map(Double.init))
        for row in 0..<10 {
            #expect(array.row(row) == (0..<3).map { Double(row * 3 + $0) })
            for column in 0..<3 {
                #expect(array.double(row: row, column: column) == Double(row * 3 + column))
                #expect(array.double(atFlat: row * 3 + column) == Double(row * 3 + column))
            }
        }
    }

    @Test func streamingPassesSeeEveryShard() throws {
        let array = try sharded(dtype: .float16)
        var generator = SeededGenerator(seed: 3)
        let plane = try TemplatePlane(
            weight: TestSupport.randomMatrix(3, 3, &generator), bias: [0, 1, 2], triplet: Triplet(0, 1, 2))
        let expected = (0..<10).map { plane.project(array.row($0)) }
        #expect(plane.project(features: array, threads: 1) == expected)
        #expect(plane.project(features: array, rows: [9, 4, 0], threads: 2) == [expected[9], expected[4], expected[0]])
        #expect(array.nonfiniteRows().isEmpty)
    }

    @Test func labelsAndStringsConcatenate() throws {
        let first = try ArrayView(shape: [2], dtype: .int8, storage: ByteStorage(copying: [1, 2]))
        let second = try ArrayView(shape: [1], dtype: .int8, storage: ByteStorage(copying: [3]))
        #expect(try ArrayView(concatenating: [first, second]).doubles() == [1, 2, 3])
        let names = try ArrayView(shape: [1], dtype: .bytes(length: 2), storage: ByteStorage(copying: Array("ab".utf8)))
        let more = try ArrayView(shape: [2], dtype: .bytes(length: 2), storage: ByteStorage(copying: Array("c\0de".utf8)))
        #expect(try ArrayView(concatenating: [names, more]).strings() == ["ab", "c", "de"])
    }

    @Test func refusesPartsThatDoNotFit() throws {
        let wide = try StreamingSupport.view([1, 2, 3, 4], rows: 1, columns: 4, dtype: .float32)
        let narrow = try StreamingSupport.view([1, 2, 3], rows: 1, columns: 3, dtype: .float32)
        let double = try StreamingSupport.view([1, 2, 3], rows: 1, columns: 3, dtype: .float64)
        #expect(throws: ArrayError.self) { try ArrayView(concatenating: [wide, narrow]) }
        #expect(throws: ArrayError.self) { try ArrayView(concatenating: [narrow, double]) }
        #expect(throws: ArrayError.self) { try ArrayView(concatenating: []) }
    }
}

/// Releasing behind a pass over shards, empty ones included.
struct StreamingShardReleaseTests {
    @Test func eachShardGetsBackTheBytesOfItsOwnRows() throws {
        // 9000 + 0 + 7000 rows of 37 float32 values (148 bytes): 2 MiB chunks of 14,169 rows straddle the shards.
        let d = 37
        var parts: [ArrayView] = []
        var pagings: [RecordingPaging] = []
        for rows in [9_000, 0, 7_000] {
            let copy = try StreamingSupport.view((0..<(rows * d)).map { Double($0 % 13) }, rows: rows, columns: d, dtype: .float32)
            let paging = RecordingPaging()
            let storage = ByteStorage(base: copy.storage.base, count: copy.storage.count, paging: paging) { _ = copy }
            parts.append(try ArrayView(shape: [rows, d], dtype: .float32, storage: storage))
            pagings.append(paging)
        }
        let array = try ArrayView(concatenating: parts)
        var generator = SeededGenerator(seed: 5)
        let plane = try TemplatePlane(weight: TestSupport.randomMatrix(3, d, &generator), bias: [0, 0, 0], triplet: Triplet(0, 1, 2))
        _ = plane.project(features: array, threads: 2)
        for (paging, rows) in zip(pagings, [9_000, 0, 7_000]) {
            let covered = paging.ranges.reduce(0) { $0 + $1.count }
            #expect(covered == rows * d * 4)
            #expect(paging.ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= rows * d * 4 })
        }
    }
}
