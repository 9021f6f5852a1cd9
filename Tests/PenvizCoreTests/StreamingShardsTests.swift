import PenvizTestSupport
import Testing
@testable import PenvizCore

/// Arrays sharded over several storages (``ArrayView/init(concatenating:)``) read
/// as one array, through every accessor and the streaming passes.
struct StreamingShardsTests {
    /// 10×3 `values` (0, 1, …, 29 by default) in C order, split after rows 4 and 5 into a
    /// C-order shard, a one-row Fortran-order shard and a Fortran-order shard.
    static func sharded(dtype: DType = .float32, values: [Double] = (0..<30).map(Double.init)) throws -> ArrayView {
        try ArrayView(concatenating: [
            StreamingSupport.view(Array(values[0..<12]), rows: 4, columns: 3, dtype: dtype),
            StreamingSupport.view(Array(values[12..<15]), rows: 1, columns: 3, dtype: dtype, fortran: true),
            StreamingSupport.view(Array(values[15..<30]), rows: 5, columns: 3, dtype: dtype, fortran: true),
        ])
    }

    @Test func readsAsOneArray() throws {
        let array = try Self.sharded()
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

    @Test(arguments: [DType.float16, .float32])
    func streamingPassesSeeEveryShard(dtype: DType) throws {
        var values = (0..<30).map(Double.init)
        for row in [2, 4, 8] { values[row * 3 + 1] = .nan }  // one row in each shard
        let array = try Self.sharded(dtype: dtype, values: values)
        #expect(array.nonfiniteRows(threads: 1) == [2, 4, 8])
        #expect(array.nonfiniteRows(threads: 2) == [2, 4, 8])
        #expect(try Self.sharded(dtype: dtype).nonfiniteRows().isEmpty)
    }

    @Test func runsOfRowsStayInOneCOrderShard() throws {
        // Rows 0–3 in C order, row 4 in Fortran order, rows 5–9 in C order, 3 float32 columns.
        let values = (0..<30).map(Double.init)
        let array = try ArrayView(concatenating: [
            StreamingSupport.view(Array(values[0..<12]), rows: 4, columns: 3, dtype: .float32),
            StreamingSupport.view(Array(values[12..<15]), rows: 1, columns: 3, dtype: .float32, fortran: true),
            StreamingSupport.view(Array(values[15..<30]), rows: 5, columns: 3, dtype: .float32),
        ])
        func run(_ stream: RowStream, _ position: Int, _ end: Int) -> (first: Float, count: Int)? {
            stream.contiguousRun(from: position, to: end).map { ($0.address.loadUnaligned(as: Float.self), $0.count) }
        }
        let all = RowStream(array: array)
        #expect(run(all, 0, 10)! == (0, 4))
        #expect(run(all, 2, 10)! == (6, 2))
        #expect(run(all, 4, 10) == nil)
        #expect(run(all, 5, 10)! == (15, 5))
        #expect(run(all, 5, 7)! == (15, 2))
        // A chosen set: rows 1, 2, 3 follow one another; 7, 8 too; 0 stands alone.
        let chosen = RowStream(array: array, rows: [1, 2, 3, 7, 8, 0])
        #expect(run(chosen, 0, 6)! == (3, 3))
        #expect(run(chosen, 3, 6)! == (21, 2))
        #expect(run(chosen, 3, 4)! == (21, 1))
        #expect(run(chosen, 5, 6)! == (0, 1))
        // Rows 2, 3, 4, 5 follow one another in the file but not in one C-order shard.
        let across = RowStream(array: array, rows: [2, 3, 4, 5])
        #expect(run(across, 0, 4)! == (6, 2))
        #expect(run(across, 2, 4) == nil)
        #expect(run(across, 3, 4)! == (15, 1))
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
        #expect(array.nonfiniteRows(threads: 2).isEmpty)
        for (paging, rows) in zip(pagings, [9_000, 0, 7_000]) {
            let covered = paging.ranges.reduce(0) { $0 + $1.count }
            #expect(covered == rows * d * 4)
            #expect(paging.ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= rows * d * 4 })
        }
    }
}
