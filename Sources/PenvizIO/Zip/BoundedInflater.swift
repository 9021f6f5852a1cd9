import CZlibShim
import Foundation
import ZIPFoundation

/// Inflates a zip member's raw deflate stream into a buffer of a fixed size, never past it.
///
/// Built on ZIPFoundation's `Data.decompress` (zlib), fed from the mapped archive by a
/// provider that is bounded by the member's compressed size: the stream cannot read
/// into the next member, and a stream that does not end within its compressed bytes
/// is an error rather than an endless wait for input (ZIPFoundation's own `extract`
/// reads on to the end of the file and, on Linux, can loop forever on a stream cut
/// off there). The consumer copies into the destination and stops the moment output
/// would go past it, so a zip bomb costs at most the destination's size in memory
/// and one chunk of work beyond. The CRC-32 is zlib's `crc32_z` over the result:
/// ZIPFoundation's Linux build checks it a byte at a time in Swift, which cost a
/// third as much again as the inflating.
enum BoundedInflater {
    /// What can go wrong while inflating.
    enum Problem: Error, Equatable {
        /// The stream produces more than the destination holds (the declared size).
        case pastDeclaredSize(Int)
        /// The stream ends after `Int` bytes, short of the declared size.
        case short(Int)
        /// The stream asks for input past the member's compressed bytes.
        case truncated
        /// zlib reports invalid deflate data.
        case corrupt
        /// The inflated bytes do not have the CRC-32 the zip entry records.
        case checksumMismatch
    }

    /// The most bytes one byte of deflate data can inflate to: a match of 258 bytes takes at least
    /// two bits (one for its length code, one for its distance code), so 8 bits give 4 × 258.
    static let largestRatio = 1032

    /// The most bytes `compressedCount` bytes of deflate data can inflate to. A zip entry that
    /// declares more cannot be honest, and is refused before anything is allocated for it.
    static func largestOutput(of compressedCount: Int) -> Int {
        let (product, overflow) = compressedCount.multipliedReportingOverflow(by: largestRatio)
        return overflow ? .max : product
    }

    /// Output chunk size while inflating a whole member.
    private static let wholeChunk = 1 << 20
    /// Output chunk size while inflating just the first bytes (an `.npy` header).
    private static let prefixChunk = 1 << 12

    /// Inflates `compressed` into `destination`, which the stream must fill exactly;
    /// checks the result against `crc32` (the zip entry's checksum).
    static func inflate(
        _ compressed: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer, crc32: UInt32
    ) throws(Problem) {
        let written = try run(compressed, into: destination, stopWhenFull: false)
        guard written == destination.count else { throw .short(written) }
        guard checksum(destination) == crc32 else { throw .checksumMismatch }
    }

    /// Inflates the first `destination.count` bytes of `compressed` (fewer when the stream is shorter)
    /// and returns how many were written.
    static func inflatePrefix(
        _ compressed: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer
    ) throws(Problem) -> Int {
        try run(compressed, into: destination, stopWhenFull: true)
    }

    /// Thrown by the consumer to end a prefix read once the destination is full.
    private struct DestinationFull: Error {}

    private static func run(
        _ compressed: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer, stopWhenFull: Bool
    ) throws(Problem) -> Int {
        var written = 0
        let chunk = stopWhenFull ? prefixChunk : wholeChunk
        do {
            _ = try Data.decompress(
                size: Int64(compressed.count), bufferSize: chunk, skipCRC32: true,
                provider: { position, size in
                    // Every chunk has exactly `size` bytes, zero-padded past the compressed data:
                    // ZIPFoundation's zlib loop hands zlib `size` bytes whatever the chunk's count.
                    // A stream that ends in time never reads the zeros. A cut-off stream does, and
                    // they may decode as more data, as an error or even as an end of stream; the
                    // next call, past the data, fails as truncated, and the size and CRC-32 checks
                    // of `inflate` catch the rest.
                    guard position < Int64(compressed.count) else { throw Problem.truncated }
                    let start = Int(position)
                    var data = Data(count: size)
                    let available = min(size, compressed.count - start)
                    data.withUnsafeMutableBytes { target in
                        target.copyMemory(from: UnsafeRawBufferPointer(rebasing: compressed[start..<(start + available)]))
                    }
                    return data
                },
                consumer: { output in
                    let room = destination.count - written
                    if output.count > room {
                        guard stopWhenFull else { throw Problem.pastDeclaredSize(destination.count) }
                        output.prefix(room).withUnsafeBytes { copy($0, into: destination, at: written) }
                        written += room
                        throw DestinationFull()
                    }
                    output.withUnsafeBytes { copy($0, into: destination, at: written) }
                    written += output.count
                    if stopWhenFull && written == destination.count { throw DestinationFull() }
                })
            return written
        } catch is DestinationFull {
            return written
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .corrupt
        }
    }

    /// The CRC-32 of `bytes`, by zlib.
    private static func checksum(_ bytes: UnsafeMutableRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        return UInt32(CZlibShim.crc32_z(0, base.assumingMemoryBound(to: Bytef.self), z_size_t(bytes.count)))
    }

    private static func copy(_ bytes: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer, at offset: Int) {
        guard !bytes.isEmpty else { return }
        UnsafeMutableRawBufferPointer(rebasing: destination[offset..<(offset + bytes.count)]).copyMemory(from: bytes)
    }
}
