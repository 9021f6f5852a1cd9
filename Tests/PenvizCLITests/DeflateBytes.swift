import Foundation

/// Raw deflate streams (RFC 1951) written by hand, to build deflated `.npz` members whose
/// inflated size is whatever a test needs, honest or not.
enum DeflateBytes {
    /// A stored (uncompressed) block holding `bytes` (at most 65,535 of them), starting on a byte boundary.
    static func storedBlock(_ bytes: Data, final: Bool) -> Data {
        let length = UInt16(bytes.count)
        return Data([final ? 1 : 0]) + ZipFileBytes.le(length) + ZipFileBytes.le(~length) + bytes
    }

    /// A final block with fixed Huffman codes that repeats the byte before it 258 × `count` times:
    /// each repeat is one match of length 258 at distance 1, 13 bits, so the block inflates
    /// about 159-fold. It must follow data (a stored block) that gives it a byte to repeat.
    static func repeatingBlock(_ count: Int) -> Data {
        var writer = BitWriter()
        writer.write(1, bits: 1)  // BFINAL
        writer.write(1, bits: 2)  // BTYPE 01: fixed Huffman codes
        for _ in 0..<count {
            writer.writeCode(0b1100_0101, length: 8)  // length code 285: 258 bytes, no extra bits
            writer.writeCode(0, length: 5)  // distance code 0: distance 1
        }
        writer.writeCode(0, length: 7)  // end of block (code 256)
        return writer.data
    }

    /// Packs bits the way deflate does: from the least significant bit of each byte.
    private struct BitWriter {
        var data = Data()
        var used = 8

        /// Writes the low `bits` bits of `value`, least significant first (header fields, extra bits).
        mutating func write(_ value: Int, bits: Int) {
            for bit in 0..<bits { append((value >> bit) & 1) }
        }

        /// Writes a Huffman code, most significant bit first, as deflate stores codes.
        mutating func writeCode(_ code: Int, length: Int) {
            for bit in stride(from: length - 1, through: 0, by: -1) { append((code >> bit) & 1) }
        }

        private mutating func append(_ bit: Int) {
            if used == 8 {
                data.append(0)
                used = 0
            }
            data[data.count - 1] |= UInt8(bit) << used
            used += 1
        }
    }
}
