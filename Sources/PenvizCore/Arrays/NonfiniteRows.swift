extension ArrayView {
    /// The rows of a 1-d or 2-d array that hold a NaN or an infinity, in increasing order.
    ///
    /// Integer and boolean arrays are always finite and are not read. Float rows in
    /// C order and host byte order are checked in place by their exponent bits, four
    /// lanes at a time, in one streaming pass (see ``RowStream``) that releases the
    /// bytes behind it; other layouts are read through ``readRow(_:into:)``. Each
    /// finished chunk is reported to `progress`, in rows.
    public func nonfiniteRows(threads: Int? = nil, progress: (any WorkProgress)? = nil) -> [Int] {
        precondition(shape.count <= 2, "nonfiniteRows: a \(shape.count)-d array")
        guard dtype.isFloatingPoint, count > 0 else { return [] }
        let stream = RowStream(array: self)
        let width = rowElementCount
        let chunks = (stream.count + stream.rowsPerChunk - 1) / stream.rowsPerChunk
        var found = [[Int]](repeating: [], count: chunks)
        found.withUnsafeMutableBufferPointer { slots in
            let output = DisjointWrites(buffer: slots)
            stream.forEachChunk(threads: threads ?? RowBlocks.threadCount, progress: progress) { positions in
                let bad: [Int]
                switch stream.floatType {
                case .float32: bad = Self.nonfinite(positions, of: stream, as: Float32Lanes.self, width: width)
                case .float64: bad = Self.nonfinite(positions, of: stream, as: Float64Lanes.self, width: width)
                case .float16: bad = Self.nonfinite(positions, of: stream, as: Float16Lanes.self, width: width)
                case .bfloat16: bad = Self.nonfinite(positions, of: stream, as: BFloat16Lanes.self, width: width)
                default: bad = Self.nonfiniteWidened(positions, of: stream, width: width)
                }
                // Overwrites the empty array already there; `initialize` would leak it, so assign.
                output.buffer[positions.lowerBound / stream.rowsPerChunk] = bad
            }
        }
        return found.flatMap { $0 }
    }

    /// The rows among `positions` with a non-finite element, read in place as `L`.
    private static func nonfinite<L: FloatLanes>(
        _ positions: Range<Int>, of stream: RowStream, as lanes: L.Type, width: Int
    ) -> [Int] {
        var bad: [Int] = []
        for row in positions {
            guard let address = stream.rowAddress(row) else {
                if stream.array.row(row).contains(where: { !$0.isFinite }) { bad.append(row) }
                continue
            }
            var column = 0, nonfinite = false
            while column + 4 <= width, !nonfinite {
                nonfinite = L.anyNonfinite4(address, column)
                column += 4
            }
            while column < width, !nonfinite {
                nonfinite = L.isNonfinite1(address, column)
                column += 1
            }
            if nonfinite { bad.append(row) }
        }
        return bad
    }

    /// The rows among `positions` with a non-finite element, read through a Float64 copy.
    private static func nonfiniteWidened(_ positions: Range<Int>, of stream: RowStream, width: Int) -> [Int] {
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: width)
        defer { buffer.deallocate() }
        return positions.filter { row in
            stream.array.readRow(row, into: buffer)
            return buffer.contains { !$0.isFinite }
        }
    }
}
