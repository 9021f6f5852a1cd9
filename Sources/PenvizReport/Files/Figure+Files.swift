import Foundation
import PenvizCore
import PenvizIO
import PenvizRender

extension Figure {
    /// Draws the figure to `path` in the format its extension names (`.png`,
    /// `.svg`, `.pdf`). The file is drawn in memory, written beside the target
    /// under a temporary name and renamed into place, so a failure leaves any
    /// older file untouched.
    ///
    /// - Throws: ``PenvizError``: usage for an unknown extension or a bad size,
    ///   input naming `path` when drawing or writing fails.
    public func write(to path: String) throws {
        let batch = OutputBatch()
        try write(to: [path], in: batch)
        try batch.commit()
    }

    /// Draws the figure to every one of `paths` in `batch`, each in the format its
    /// extension names; the files change when the batch is committed. Each format
    /// is drawn once, the formats side by side, and every file is drawn before the
    /// first is written.
    ///
    /// - Throws: ``PenvizError``: usage for an unknown extension or a bad size,
    ///   input naming a path of the format when drawing or writing fails.
    public func write(to paths: [String], in batch: OutputBatch) throws {
        let formats = try paths.map(ImageFormat.init(path:))
        let distinct = formats.indices.filter { formats.firstIndex(of: formats[$0]) == $0 }.map { formats[$0] }
        var bytes: [ImageFormat: [UInt8]] = [:]
        for (format, result) in zip(distinct, drawn(distinct)) {
            do {
                bytes[format] = try result.get()
            } catch let error as PenvizError where error.kind == .input {
                throw PenvizError.input(paths[formats.firstIndex(of: format)!], error.message)
            }
        }
        for (path, format) in zip(paths, formats) {
            try batch.write(Data(bytes[format]!), to: path)
        }
    }
}
