import CRowKernels
import PenvizCore

extension TemplatePlane {
    /// The coordinates of rows of an N×D feature array (any stored dtype), in the
    /// order of `rows`; every row when `rows` is nil.
    ///
    /// One streaming pass (see ``RowStream``) on `threads` threads (default: one a
    /// core, or `PENVIZ_THREADS`) that hands each finished chunk's bytes back to the
    /// file. float16, bfloat16, float32 and float64 rows in C order and host byte
    /// order are read in place by the C row kernel (``RowDots``, AVX2 where the CPU
    /// has it): two dot products a row, `x·e1[0..<D]` and `x·e2[0..<D]`, plus the
    /// plane's ``projectionOffsets``. Other layouts go through
    /// ``ArrayView/readRow(_:into:)`` and ``project(_:)``. Every row gets the bits of
    /// ``project(_:)`` on its Float64 copy either way, whatever the thread count.
    /// Each finished chunk is reported to `progress`, in rows.
    public func project(
        features: ArrayView, rows: [Int]? = nil, threads: Int? = nil, progress: (any WorkProgress)? = nil
    ) -> [PlanePoint] {
        project(features: features, rows: rows, threads: threads, progress: progress, kernel: .fastest)
    }

    /// ``project(features:rows:threads:progress:)`` with the row kernel named (the tests run both).
    func project(
        features: ArrayView, rows: [Int]?, threads: Int?, progress: (any WorkProgress)?, kernel: RowDots
    ) -> [PlanePoint] {
        precondition(features.columnCount == featureDimension, "TemplatePlane: features have D = \(features.columnCount), the plane \(featureDimension)")
        let stream = RowStream(array: features, rows: rows)
        let rowType = stream.floatType.flatMap(RowDots.rowType)
        return [PlanePoint](unsafeUninitializedCapacity: stream.count) { buffer, initialized in
            let output = DisjointWrites(buffer: buffer)
            stream.forEachChunk(threads: threads ?? RowBlocks.threadCount, progress: progress) { positions in
                if let rowType {
                    projectInPlace(positions, of: stream, as: rowType, kernel: kernel, into: output)
                } else {
                    projectWidened(positions, of: stream, into: output)
                }
            }
            initialized = stream.count
        }
    }

    /// The rows among `rows` (all when nil) whose features hold a NaN or an infinity,
    /// found from their projections `points` without reading the other rows again.
    ///
    /// A non-finite element makes its row's point non-finite: NaN survives every
    /// product and sum, ∞·e_i is ±∞ or (for e_i = 0) NaN, and ±∞ plus finite terms
    /// stays infinite or becomes NaN. So only rows with a non-finite point can hold
    /// one, and each of those is checked element by element (a finite row whose sum
    /// overflowed is not reported). Returned in the order of `rows`.
    public static func nonfiniteRows(of features: ArrayView, rows: [Int]?, points: [PlanePoint]) -> [Int] {
        points.indices.compactMap { position in
            let point = points[position]
            guard !point.p1.isFinite || !point.p2.isFinite else { return nil }
            let row = rows?[position] ?? position
            return features.row(row).contains { !$0.isFinite } ? row : nil
        }
    }

    /// Projects the rows at `positions`, reading C-order rows of `type` in place, a
    /// run of consecutive stored rows a call of the kernel.
    private func projectInPlace(
        _ positions: Range<Int>, of stream: RowStream, as type: penviz_row_type, kernel: RowDots,
        into output: DisjointWrites<PlanePoint>
    ) {
        e1.withUnsafeBufferPointer { e1 in
            e2.withUnsafeBufferPointer { e2 in
                var position = positions.lowerBound
                while position < positions.upperBound {
                    guard let run = stream.contiguousRun(from: position, to: positions.upperBound) else {
                        output.initialize(position, to: project(stream.array.row(stream.row(at: position))))
                        position += 1
                        continue
                    }
                    kernel.project(
                        run.address, rowBytes: stream.rowBytes, rowCount: run.count, as: type, e1.baseAddress!,
                        e2.baseAddress!, count: featureDimension, offsets: projectionOffsets,
                        into: output.buffer.baseAddress! + position)
                    position += run.count
                }
            }
        }
    }

    /// Projects the rows at `positions` through a Float64 copy of each row.
    private func projectWidened(_ positions: Range<Int>, of stream: RowStream, into output: DisjointWrites<PlanePoint>) {
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: featureDimension)
        defer { buffer.deallocate() }
        for position in positions {
            stream.array.readRow(stream.row(at: position), into: buffer)
            output.initialize(position, to: project(UnsafeBufferPointer(buffer)))
        }
    }
}
