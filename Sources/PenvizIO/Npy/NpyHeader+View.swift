import PenvizCore

extension NpyHeader {
    /// The array this header describes, read in place from `storage` starting at `dataStart`
    /// (the first data byte, after the header).
    ///
    /// Throws the refusal for object and structured arrays, and a ``PenvizError`` naming
    /// `file` and `key` when the bytes do not fit.
    func view(of storage: ByteStorage, dataStart: Int, file: String, key: String) throws -> ArrayView {
        guard let dtype else { throw refusalError(file: file, key: key) }
        do {
            return try ArrayView(
                shape: shape, dtype: dtype, byteOrder: byteOrder, fortranOrder: isFortranOrder,
                storage: storage, offset: dataStart)
        } catch let error as ArrayError {
            throw PenvizError.input(file, key: key, error.description)
        }
    }

    /// The error that says why penviz does not read this element type, naming `file` and `key`.
    func refusalError(file: String, key: String) -> PenvizError {
        PenvizError.input(file, key: key, refusal ?? "dtype '\(descr)' is not supported")
    }

    /// Checks that exactly `available` bytes follow the header: no fewer (a truncated file)
    /// and no more (something else is there). Refused types are not checked; their size is unknown.
    func checkDataSize(available: Int, file: String, key: String) throws {
        guard let needed = dataByteCount else { return }
        if needed > available {
            throw PenvizError.input(
                file, key: key,
                "header describes \(needed) data bytes but only \(available) follow it (truncated file?)")
        }
        if needed < available {
            throw PenvizError.input(
                file, key: key, "\(available - needed) bytes follow the \(needed) data bytes its header describes")
        }
    }

    /// The inspect listing for this header under `key`; `available` is the byte count after the header,
    /// reported for refused types whose data size is otherwise unknown.
    func entry(key: String, available: Int) -> ArrayEntry {
        ArrayEntry(key: key, storedType: descr, dtype: dtype, shape: shape, byteCount: dataByteCount ?? available)
    }
}
