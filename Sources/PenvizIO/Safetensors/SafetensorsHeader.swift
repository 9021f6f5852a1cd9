import Foundation
import PenvizCore

/// The JSON header of a `.safetensors` file, checked as the format requires.
///
/// Layout: an 8-byte little-endian header length N, N bytes of UTF-8 JSON, then the
/// data buffer. The JSON maps each tensor name to `{"dtype", "shape", "data_offsets":
/// [begin, end]}` (offsets into the buffer, end exclusive); an optional `__metadata__`
/// maps strings to strings. Valid files have no repeated keys, and their tensors tile
/// the buffer exactly: contiguous from 0, no gaps or overlaps, each `end − begin`
/// equal to element count × item size, the last ending at the end of the file.
struct SafetensorsHeader {
    /// One tensor's entry, its offsets made absolute (from the start of the file).
    struct Tensor {
        let name: String
        /// The dtype as the file spells it (`F32`, `BF16`, …).
        let storedType: String
        let dtype: DType
        let shape: [Int]
        let start: Int
        let byteCount: Int
    }

    /// Tensors in the order of their data in the buffer.
    let tensors: [Tensor]
    /// The `__metadata__` strings (empty when absent).
    let metadata: [String: String]

    /// The reference implementation's cap on the header length.
    static let maximumHeaderLength: UInt64 = 100_000_000

    /// The dtypes penviz reads, by their safetensors names.
    static let dtypes: [String: DType] = [
        "F16": .float16, "BF16": .bfloat16, "F32": .float32, "F64": .float64,
        "I8": .int8, "I16": .int16, "I32": .int32, "I64": .int64,
        "U8": .uint8, "U16": .uint16, "U32": .uint32, "U64": .uint64, "BOOL": .bool,
    ]

    /// Parses and checks the header of the whole file `bytes`.
    static func parse(_ bytes: UnsafeRawBufferPointer, file: String) throws -> SafetensorsHeader {
        func fail(_ problem: String, key: String? = nil) -> PenvizError { PenvizError.input(file, key: key, problem) }
        guard let length = bytes.littleEndian(UInt64.self, at: 0) else {
            throw fail("\(bytes.count) bytes are too few for a safetensors file (the header length alone is 8)")
        }
        guard length <= maximumHeaderLength else {
            throw fail("header length \(length) exceeds the format's limit of \(maximumHeaderLength) bytes")
        }
        guard length <= UInt64(bytes.count - 8) else {
            throw fail("header length \(length) runs past the end of the file (\(bytes.count) bytes; truncated?)")
        }
        let json = bytes.slice(at: 8, length: Int(length))!
        let bufferStart = 8 + Int(length)
        let bufferSize = bytes.count - bufferStart

        guard String(validating: json, as: UTF8.self) != nil else { throw fail("header is not valid UTF-8") }
        let decoded: DecodedHeader
        do {
            decoded = try JSONDecoder().decode(DecodedHeader.self, from: Data(json))
        } catch let error as EntryError {
            throw fail(error.problem, key: error.key)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw fail("header is not a JSON object")
        } catch {
            throw fail("header is not valid JSON")
        }
        if let repeated = JSONDuplicateKeys.first(in: json) {
            throw fail("header repeats the key '\(repeated)' (invalid safetensors)")
        }

        var tensors: [Tensor] = []
        var ends: [String: Int] = [:]
        for (name, entry) in decoded.tensors.sorted(by: { $0.key < $1.key }) {
            func failHere(_ problem: String) -> PenvizError { fail(problem, key: name) }
            guard let dtype = dtypes[entry.dtype] else {
                throw failHere("dtype \(entry.dtype) is not supported (penviz reads F16 BF16 F32 F64 I8-I64 U8-U64 BOOL)")
            }
            guard entry.dataOffsets.count == 2 else { throw failHere("data_offsets must hold [begin, end]") }
            let (begin, end) = (entry.dataOffsets[0], entry.dataOffsets[1])
            guard begin >= 0, begin <= end else { throw failHere("data_offsets [\(begin), \(end)] are not an interval") }
            guard end <= bufferSize else {
                throw failHere("data_offsets end at \(end) but the data buffer holds \(bufferSize) bytes (truncated?)")
            }
            guard let count = ArrayView.elementCount(entry.shape) else {
                throw failHere("shape \(entry.shape) is negative or its size overflows")
            }
            let (needed, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
            guard !overflow, needed == end - begin else {
                throw failHere("data_offsets span \(end - begin) bytes but shape \(entry.shape) of \(entry.dtype) needs \(overflow ? "more than fit in 64 bits" : String(needed))")
            }
            tensors.append(Tensor(name: name, storedType: entry.dtype, dtype: dtype, shape: entry.shape,
                                  start: bufferStart + begin, byteCount: needed))
            ends[name] = end
        }

        // Contiguous from 0 and covering the buffer: walk the tensors in data order.
        tensors.sort { ($0.start, $0.byteCount) < ($1.start, $1.byteCount) }
        var covered = 0
        var previous: String?
        for tensor in tensors {
            let begin = tensor.start - bufferStart
            if begin > covered {
                throw fail("\(begin - covered) bytes before it belong to no tensor (a gap in data_offsets)", key: tensor.name)
            }
            if begin < covered {
                throw fail("its data overlaps the data of '\(previous ?? "")'", key: tensor.name)
            }
            covered = ends[tensor.name]!
            previous = tensor.name
        }
        if covered != bufferSize {
            throw fail("the last \(bufferSize - covered) bytes of the data buffer belong to no tensor")
        }
        return SafetensorsHeader(tensors: tensors, metadata: decoded.metadata)
    }
}

/// A problem with one entry of the header, found while decoding it.
private struct EntryError: Error {
    let key: String?
    let problem: String
}

/// The header JSON: `__metadata__` and one ``TensorEntry`` per other key.
private struct DecodedHeader: Decodable {
    var tensors: [String: TensorEntry] = [:]
    var metadata: [String: String] = [:]

    private struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for key in container.allKeys {
            if key.stringValue == "__metadata__" {
                do {
                    metadata = try container.decode([String: String].self, forKey: key)
                } catch {
                    throw EntryError(key: nil, problem: "__metadata__ must map strings to strings")
                }
                continue
            }
            do {
                tensors[key.stringValue] = try container.decode(TensorEntry.self, forKey: key)
            } catch let DecodingError.keyNotFound(missing, _) {
                throw EntryError(key: key.stringValue, problem: "entry has no '\(missing.stringValue)'")
            } catch {
                throw EntryError(
                    key: key.stringValue,
                    problem: "entry must be {\"dtype\": string, \"shape\": [integers], \"data_offsets\": [begin, end]}")
            }
        }
    }
}

/// One tensor's entry as written.
private struct TensorEntry: Decodable {
    let dtype: String
    let shape: [Int]
    let dataOffsets: [Int]

    enum CodingKeys: String, CodingKey {
        case dtype, shape
        case dataOffsets = "data_offsets"
    }
}
