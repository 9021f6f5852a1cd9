import Foundation
import PenvizCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file being written piece by piece inside ``AtomicFile/stream(to:_:)``:
/// each write goes straight to the temporary file, so a large output is never
/// held in memory whole.
public struct StreamedFile {
    /// The open temporary file.
    let descriptor: Int32
    /// The target, for error messages.
    let path: String

    /// Appends `bytes`, retrying short and interrupted writes.
    ///
    /// - Throws: ``PenvizError`` (input) naming the target when the write fails.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        var written = 0
        while written < bytes.count {
            let result = writeSome(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw PenvizError.input(path, "cannot write: \(systemErrorText())") }
            written += result
        }
    }

    /// Appends `data`.
    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }
}

/// The system's `write(2)` (the name is taken inside ``StreamedFile``).
private func writeSome(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
