import PenvizTestSupport
import Testing
@testable import PenvizCore

/// How a streaming pass (``RowStream``) hands the bytes it has read back to the storage.
struct StreamingReleaseTests {
    static let mebibyte = 1 << 20

    /// `rows` float32 rows of 1 MiB each (two rows to a 2 MiB chunk) on a recording paging. The
    /// bytes are allocated but never written: the passes below only release them.
    func recordedRows(_ rows: Int) throws -> (ArrayView, RecordingPaging) {
        let bytes = UnsafeMutableRawPointer.allocate(byteCount: rows * Self.mebibyte, alignment: 64)
        let paging = RecordingPaging()
        let storage = ByteStorage(base: bytes, count: rows * Self.mebibyte, paging: paging) { bytes.deallocate() }
        return (try ArrayView(shape: [rows, Self.mebibyte / 4], dtype: .float32, storage: storage), paging)
    }

    @Test(arguments: [1, 2])
    func chunksGoBackAGroupAtATimeAndTheLastGroupWhenTheLastChunkEnds(threads: Int) throws {
        // 149 rows: 75 chunks (the last holds one row), released as groups of 32, 32 and 11 chunks.
        #expect(RowStream.chunksPerRelease == 32)
        let (array, paging) = try recordedRows(149)
        let stream = RowStream(array: array)
        stream.forEachChunk(threads: threads) { _ in }
        let released = paging.ranges.sorted { $0.lowerBound < $1.lowerBound }
        let m = Self.mebibyte
        #expect(released == [0..<(64 * m), (64 * m)..<(128 * m), (128 * m)..<(149 * m)])
    }

    @Test func aChosenRowSetReleasesFromItsLowestToItsHighestRowAGroup() throws {
        // Rows visited out of order: the one group of three chunks spans rows 2 through 30.
        let (array, paging) = try recordedRows(31)
        let stream = RowStream(array: array, rows: [30, 2, 17, 9, 5])
        stream.forEachChunk(threads: 1) { _ in }
        #expect(paging.ranges == [(2 * Self.mebibyte)..<(31 * Self.mebibyte)])
    }
}
