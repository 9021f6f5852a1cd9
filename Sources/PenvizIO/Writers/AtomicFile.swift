import Foundation

/// Writes one file all at once or not at all: an ``OutputBatch`` of one file.
///
/// The content goes to a temporary file beside the target, is flushed to disk, and
/// is renamed over the target only when everything succeeded. On any failure the
/// temporary file is removed: a failed run never leaves a half-written file and
/// never touches an older file of the same name. Commands that write several files
/// use one ``OutputBatch`` for all of them instead.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws {
        let batch = OutputBatch()
        try batch.write(data, to: path)
        try batch.commit()
    }

    /// Lets `produce` append the content piece by piece (see ``StreamedFile``), then
    /// renames the result to `path`; for outputs too large to build in memory first.
    ///
    /// Errors thrown by `produce` pass through unchanged, after the temporary file is removed.
    public static func stream(to path: String, _ produce: (StreamedFile) throws -> Void) throws {
        let batch = OutputBatch()
        try batch.stream(to: path, produce)
        try batch.commit()
    }

    /// Lets `produce` write the content to the temporary path it is given (for writers that
    /// take a path, such as a Cairo surface), then renames the result to `path`.
    ///
    /// Errors thrown by `produce` pass through unchanged, after the temporary file is removed.
    public static func write(to path: String, using produce: (_ temporaryPath: String) throws -> Void) throws {
        let batch = OutputBatch()
        try batch.write(to: path, using: produce)
        try batch.commit()
    }
}
