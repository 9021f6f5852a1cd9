import Foundation
import PenvizCore
@testable import PenvizIO
import Testing

/// `.safetensors` files written by the safetensors package (0.8.0).
struct SafetensorsTests {
    static let numeric: [(key: String, code: String, storedType: String, dtype: DType)] = [
        ("f16", "f2", "F16", .float16), ("f32", "f4", "F32", .float32), ("f64", "f8", "F64", .float64),
        ("i8", "i1", "I8", .int8), ("i16", "i2", "I16", .int16), ("i32", "i4", "I32", .int32), ("i64", "i8", "I64", .int64),
        ("u8", "u1", "U8", .uint8), ("u16", "u2", "U16", .uint16), ("u32", "u4", "U32", .uint32), ("u64", "u8", "U64", .uint64),
        ("bool", "b1", "BOOL", .bool),
    ]

    @Test("every numeric dtype reads the formula's values")
    func readsEveryDtype() throws {
        let file = try SafetensorsFile(path: Fixtures.path("safetensors/numeric.safetensors"))
        for tensor in Self.numeric {
            let entry = try #require(file.entries.first { $0.key == tensor.key })
            let itemSize = Int(tensor.code.dropFirst())!
            #expect(entry == ArrayEntry(key: tensor.key, storedType: tensor.storedType, dtype: tensor.dtype,
                                        shape: [3, 4], byteCount: 12 * itemSize))
            let array = try file.array(tensor.key)
            #expect(array.doubles() == Formula.values(tensor.code, shape: [3, 4]), "\(tensor.key)")
        }
    }

    @Test("0-d, 1-d and empty tensors, and the metadata")
    func shapesAndMetadata() throws {
        let file = try SafetensorsFile(path: Fixtures.path("safetensors/numeric.safetensors"))
        #expect(try file.array("scalar").shape == [])
        #expect(try file.array("scalar").doubles() == Formula.values("f4", shape: []))
        #expect(try file.array("vector").doubles() == Formula.values("f8", shape: [5]))
        #expect(try file.array("empty").shape == [0, 4])
        #expect(file.entries.count == 15)
        #expect(file.metadata == ["format": "np"])
    }

    @Test("entries are listed in the order of their data, which is mapped in place")
    func orderAndMapping() throws {
        let path = Fixtures.path("safetensors/numeric.safetensors")
        let file = try SafetensorsFile(path: path)
        let offsets = try file.entries.map { try file.array($0.key).offset }
        #expect(offsets == offsets.sorted())
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        #expect(try file.array("f32").storage.count == size)
    }

    @Test("bfloat16, written through safetensors' own serializer")
    func readsBFloat16() throws {
        let file = try SafetensorsFile(path: Fixtures.path("safetensors/bfloat16.safetensors"))
        #expect(file.entries == [ArrayEntry(key: "bf16", storedType: "BF16", dtype: .bfloat16, shape: [3, 4], byteCount: 24)])
        #expect(try file.array("bf16").doubles() == Formula.values("f4", shape: [3, 4]))
        #expect(file.metadata.isEmpty)
    }

    @Test("a header padded with spaces and tensors in any key order are valid")
    func handWritten() throws {
        let folder = try TemporaryFolder()
        let json = #"{"b":{"dtype":"U8","shape":[2],"data_offsets":[2,4]},"a":{"dtype":"I16","shape":[1],"data_offsets":[0,2]}}    "#
        let path = try folder.write(safetensorsBytes(json: json, data: [0xFE, 0xFF, 7, 9]), to: "h.safetensors")
        let file = try SafetensorsFile(path: path)
        #expect(file.entries.map(\.key) == ["a", "b"])
        #expect(try file.array("a").doubles() == [-2])
        #expect(try file.array("b").doubles() == [7, 9])
    }

    @Test("keys that repeat with different escapes are the same key")
    func duplicateKeyScanner() {
        let cases: [(String, String?)] = [
            (#"{"a":1,"b":{"a":2}}"#, nil),
            (#"{"a":1,"\u0061":2}"#, "a"),
            (#"{"x":{"k":[1,{"k":2}],"k":3}}"#, "k"),
            (#"{"s":"{\"a\":1,\"a\":2}"}"#, nil),
            (#"[{"a":1},{"a":2}]"#, nil),
        ]
        for (json, repeated) in cases {
            let found = Array(json.utf8).withUnsafeBytes { JSONDuplicateKeys.first(in: $0) }
            #expect(found == repeated, "\(json)")
        }
    }
}
