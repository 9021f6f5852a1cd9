/// A pass over rows of an array, chunk by chunk on several threads, that hands
/// each chunk's bytes back to the storage behind it.
///
/// The rows are visited by position `0..<count`: every row in order, or the file
/// rows listed in `rows`. Positions are cut into chunks of a fixed number of
/// rows (about ``chunkBytes`` of data, never a function of the thread count), the
/// threads take chunks front to back, and the rows' bytes go to the storage's
/// ``StoragePaging`` (for a mapped file, the pages leave the process) a group of
/// ``chunksPerRelease`` chunks at a time, when the group's last chunk is done,
/// and so do the same rows of its companions (a split's stored logits, read
/// beside its features). A pass over a file larger than memory so holds only
/// the chunks in flight and the group behind them. (A release that catches a
/// chunk another thread is still reading costs a re-read, never a wrong value:
/// released bytes stay readable.)
public struct RowStream: Sendable {
    /// Bytes of row data in one chunk.
    public static let chunkBytes = 2 << 20
    /// Chunks released together: each release of a mapped file costs a system call
    /// and a flush of every core's address translations, so they come 64 MiB at a time.
    static let chunksPerRelease = 32

    /// The array whose rows are read.
    public let array: ArrayView
    /// Arrays with the same rows, read in the same pass, whose rows are released with the array's.
    public let companions: [ArrayView]
    /// The rows to visit, by position; nil visits every row.
    public let rows: [Int]?
    /// Rows per chunk.
    public let rowsPerChunk: Int
    /// Bytes of one stored row.
    public let rowBytes: Int

    /// A pass over `rows` of `array` (every row when nil), releasing the same rows of `companions` too.
    public init(array: ArrayView, rows: [Int]? = nil, companions: [ArrayView] = []) {
        self.array = array
        self.companions = companions
        self.rows = rows
        rowBytes = array.rowElementCount * array.dtype.itemSize
        rowsPerChunk = max(1, RowStream.chunkBytes / max(rowBytes, 1))
    }

    /// Positions to visit.
    public var count: Int { rows?.count ?? array.rowCount }

    /// The array row at `position`.
    @inline(__always)
    public func row(at position: Int) -> Int { rows?[position] ?? position }

    /// The stored float type when rows are C-order floats in the host's byte order,
    /// which the typed kernels read in place; nil otherwise. Callers switch on it and
    /// call their kernel with the matching ``FloatLanes`` type, so that each kernel
    /// is compiled for its type.
    public var floatType: DType? {
        guard array.shape.count == 2, array.byteOrder == .host, array.dtype.isFloatingPoint else { return nil }
        return array.dtype
    }

    /// The address of row `row`'s first byte when its segment is in C order, else nil.
    @inline(__always)
    public func rowAddress(_ row: Int) -> UnsafeRawPointer? {
        let segment = array.segments[array.segmentIndex(ofRow: row)]
        guard !segment.isFortranOrder else { return nil }
        return segment.base + (row - segment.firstRow) * rowBytes
    }

    /// The rows at positions `position..<end` that follow one another in one C-order
    /// segment from `position` on: the first one's address and how many there are
    /// (row i of the run at `address + i·rowBytes`); nil when the row at `position`
    /// is not stored in place (a Fortran-order segment).
    public func contiguousRun(from position: Int, to end: Int) -> (address: UnsafeRawPointer, count: Int)? {
        let first = row(at: position)
        let segment = array.segments[array.segmentIndex(ofRow: first)]
        guard !segment.isFortranOrder else { return nil }
        let lastInSegment = segment.firstRow + segment.rowCount - 1
        var count = 1
        if let rows {
            while position + count < end, rows[position + count] == first + count, first + count <= lastInSegment { count += 1 }
        } else {
            count = min(end - position, lastInSegment - first + 1)
        }
        return (segment.base + (first - segment.firstRow) * rowBytes, count)
    }

    /// Runs `body` on each chunk of positions, on up to `threads` threads, reports
    /// its positions to `progress`, and releases the bytes of its group of chunks
    /// when it is the group's last.
    public func forEachChunk(
        threads: Int = RowBlocks.threadCount, progress: (any WorkProgress)? = nil,
        _ body: @Sendable (Range<Int>) -> Void
    ) {
        let total = count
        let chunks = (total + rowsPerChunk - 1) / rowsPerChunk
        RowBlocks.concurrentForEach(count: chunks, threads: threads) { chunk in
            let positions = (chunk * rowsPerChunk)..<min((chunk + 1) * rowsPerChunk, total)
            body(positions)
            progress?.advance(by: positions.count)
            if (chunk + 1) % Self.chunksPerRelease == 0 || chunk == chunks - 1 {
                let first = (chunk / Self.chunksPerRelease) * Self.chunksPerRelease
                release((first * rowsPerChunk)..<positions.upperBound)
            }
        }
    }

    /// Hands the bytes of the rows at `positions` back to their storages, in the
    /// array and in each companion.
    private func release(_ positions: Range<Int>) {
        var low = row(at: positions.lowerBound), high = low
        if rows != nil {
            for position in positions {
                let row = row(at: position)
                low = min(low, row)
                high = max(high, row)
            }
        } else {
            high = positions.upperBound - 1
        }
        for released in [array] + companions {
            Self.release(rows: low...high, of: released)
        }
    }

    /// Hands the bytes of `rows` of `array` back to their storages, from the lowest
    /// to the highest row, segment by segment (C-order segments only; a
    /// Fortran-order segment spreads a row over all of its bytes).
    private static func release(rows: ClosedRange<Int>, of array: ArrayView) {
        let low = rows.lowerBound, high = rows.upperBound
        let rowBytes = array.rowElementCount * array.dtype.itemSize
        for index in array.segmentIndex(ofRow: low)...array.segmentIndex(ofRow: high) {
            let segment = array.segments[index]
            guard let paging = segment.storage.paging, !segment.isFortranOrder else { continue }
            let first = max(low, segment.firstRow) - segment.firstRow
            let last = min(high, segment.firstRow + segment.rowCount - 1) - segment.firstRow
            guard first <= last else { continue }  // an empty shard
            paging.release((segment.offset + first * rowBytes)..<(segment.offset + (last + 1) * rowBytes))
        }
    }
}
