import Foundation
import PenvizCore
@testable import PenvizIO
import Testing

/// `.npy` files written by NumPy: every dtype, byte order, memory order, rank and version.
struct NpyReaderTests {
    /// One fixture: `npy/{code}_{order}_{layout}.npy`.
    struct Variant: CustomTestStringConvertible, Sendable {
        let code: String
        let order: String
        let layout: String
        var file: String { "npy/\(code)_\(order)_\(layout).npy" }
        var shape: [Int] { ["c": [3, 4], "f": [3, 4], "1d": [5], "0d": []][layout]! }
        var testDescription: String { file }
    }

    static let variants: [Variant] = ["f2", "f4", "f8", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1"]
        .flatMap { code in
            (code.hasSuffix("1") ? ["na"] : ["le", "be"]).flatMap { order in
                ["c", "f", "1d", "0d"].map { Variant(code: code, order: order, layout: $0) }
            }
        }

    static let dtypes: [String: DType] = [
        "f2": .float16, "f4": .float32, "f8": .float64, "i1": .int8, "i2": .int16, "i4": .int32, "i8": .int64,
        "u1": .uint8, "u2": .uint16, "u4": .uint32, "u8": .uint64, "b1": .bool,
    ]

    @Test("every dtype, byte order, order and rank reads the formula's values", arguments: variants)
    func readsVariant(_ variant: Variant) throws {
        let file = try NpyFile(path: Fixtures.path(variant.file))
        let stem = "\(variant.code)_\(variant.order)_\(variant.layout)"
        #expect(file.key == stem)
        #expect(file.header.majorVersion == 1)
        #expect(file.entries == [ArrayEntry(
            key: stem, storedType: file.header.descr, dtype: Self.dtypes[variant.code], shape: variant.shape,
            byteCount: (variant.shape.reduce(1, *)) * Int(variant.code.dropFirst())!)])
        let expectedOrder = variant.code.hasSuffix("1") ? "|" : (variant.order == "le" ? "<" : ">")
        #expect(file.header.descr == expectedOrder + variant.code)

        let array = try file.array(stem)
        #expect(array.shape == variant.shape)
        #expect(array.dtype == Self.dtypes[variant.code])
        #expect(array.isFortranOrder == (variant.layout == "f"))
        if !variant.code.hasSuffix("1") { #expect(array.byteOrder == (variant.order == "le" ? .little : .big)) }
        #expect(array.doubles() == Formula.values(variant.code, shape: variant.shape))
        if variant.shape.count == 2 {
            #expect(array.double(row: 2, column: 3) == Formula.value(variant.code, 2, 3))
            #expect(array.row(1) == (0..<4).map { Formula.value(variant.code, 1, $0) })
        }
    }

    @Test("versions 2.0 and 3.0 read like 1.0", arguments: [("v2_f8", UInt8(2)), ("v3_f8", UInt8(3))])
    func readsLaterVersions(_ name: String, _ version: UInt8) throws {
        let file = try NpyFile(path: Fixtures.path("npy/\(name).npy"))
        #expect(file.header.majorVersion == version)
        #expect(file.header.dataOffset % 64 == 0)
        #expect(try file.array(name).doubles() == Formula.values("f8", shape: [3, 4]))
    }

    @Test("a version 3.0 header is UTF-8; its structured dtype is listed and refused")
    func readsUTF8HeaderAndRefusesStructured() throws {
        let path = Fixtures.path("npy/v3_structured_utf8.npy")
        let file = try NpyFile(path: path)
        #expect(file.header.majorVersion == 3)
        #expect(file.entries.map(\.storedType) == ["structured"])
        #expect(file.entries.map(\.dtype) == [nil])
        #expect(file.entries.map(\.shape) == [[2]])
        expectInputError(path, "v3_structured_utf8", "structured dtypes") { _ = try file.array("v3_structured_utf8") }
    }

    @Test("unicode arrays in both byte orders and byte-string arrays give class names",
          arguments: ["names_U_le", "names_U_be"])
    func readsUnicode(_ name: String) throws {
        let array = try NpyFile(path: Fixtures.path("npy/\(name).npy")).array(name)
        #expect(array.dtype == .unicode(length: 10))  // "automobile" is the longest
        #expect(try array.strings() == fixtureClassNames)
    }

    @Test("byte strings and 2-d string arrays")
    func readsBytesAnd2DStrings() throws {
        let bytes = try NpyFile(path: Fixtures.path("npy/names_S.npy")).array("names_S")
        #expect(bytes.dtype == .bytes(length: 4))
        #expect(try bytes.strings() == ["cat", "dog", "frog"])
        let grid = try NpyFile(path: Fixtures.path("npy/names_U_2d.npy")).array("names_U_2d")
        #expect(grid.shape == [2, 2])
        #expect(try grid.strings() == ["a", "bb", "ccc", "d"])
    }

    @Test("the key can be given instead of the stem, and other keys are not there")
    func keyOverride() throws {
        let path = Fixtures.path("npy/f8_le_c.npy")
        let file = try NpyFile(path: path, key: "train/features")
        #expect(file.entries.map(\.key) == ["train/features"])
        #expect(try file.array("train/features").shape == [3, 4])
        expectInputError(path, "f8_le_c", "no such array", "train/features") { _ = try file.array("f8_le_c") }
    }

    @Test("the data is mapped from the file, not copied")
    func dataIsMapped() throws {
        let path = Fixtures.path("npy/f4_le_c.npy")
        let array = try NpyFile(path: path).array("f4_le_c")
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        #expect(array.storage.count == size)
        #expect(array.offset == 128)
    }
}

/// The header's dict literal, parsed strictly.
struct NpyHeaderParsingTests {
    func header(_ text: String, data: [UInt8] = []) throws -> NpyHeader {
        let bytes = npyBytes(header: text, data: data)
        return try bytes.withUnsafeBytes { try NpyHeader.parse($0, file: "h.npy", key: "h") }
    }

    @Test("shapes: (), (5,), (3, 4), extra spaces and trailing commas")
    func shapes() throws {
        #expect(try header("{'descr': '<f8', 'fortran_order': False, 'shape': (), }").shape == [])
        #expect(try header("{'descr': '<f8', 'fortran_order': False, 'shape': (5,), }").shape == [5])
        #expect(try header("{'descr':'<f8','fortran_order':False,'shape':(3,4)}").shape == [3, 4])
        #expect(try header("{ 'shape' : ( 3 , 4 , ) , 'fortran_order' : True , 'descr' : '>i2' , }\n").shape == [3, 4])
        #expect(try header("{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2, 3)}").shape == [2, 3])
    }

    @Test("a Python 2 long suffix is accepted, as old NumPy wrote it")
    func python2Long() throws {
        #expect(try header("{'descr': '<f8', 'fortran_order': False, 'shape': (3L, 2L), }").shape == [3, 2])
    }

    @Test("True and False set the order; descr sets dtype and byte order")
    func fields() throws {
        let fortran = try header("{'descr': '>i2', 'fortran_order': True, 'shape': (2, 2), }")
        #expect(fortran.isFortranOrder)
        #expect(fortran.dtype == .int16)
        #expect(fortran.byteOrder == .big)
        let native = try header("{'descr': '=u4', 'fortran_order': False, 'shape': (1,), }")
        #expect(native.byteOrder == ByteOrder.host)
        #expect(try header("{'descr': '|b1', 'fortran_order': False, 'shape': (1,), }").dtype == .bool)
        #expect(try header("{'descr': '|S7', 'fortran_order': False, 'shape': (1,), }").dtype == .bytes(length: 7))
        #expect(try header("{'descr': '>U3', 'fortran_order': False, 'shape': (1,), }").dtype == .unicode(length: 3))
    }

    @Test("unsupported descrs are listed as refused, with the reason", arguments: [
        ("|O", "never unpickles"), ("<c16", "not supported"), ("|V8", "void"), ("|f4", "no byte order"),
        ("f4", "no byte-order character"), ("<f16", "not supported"), ("<M8[ns]", "not supported"),
    ])
    func refusals(_ descr: String, _ reason: String) throws {
        let parsed = try header("{'descr': '\(descr)', 'fortran_order': False, 'shape': (1,), }")
        #expect(parsed.dtype == nil)
        #expect(parsed.refusal?.contains(reason) == true, "\(parsed.refusal ?? "nil")")
    }

    @Test("malformed literals are errors naming the problem", arguments: [
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), 'extra': 1}", "unexpected key 'extra'"),
        ("{'descr': '<f8', 'fortran_order': False}", "no 'shape'"),
        ("{'descr': '<f8', 'fortran_order': 0, 'shape': (3,)}", "'fortran_order' is an integer"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (3)}", "'shape' is an integer"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': [3]}", "'shape' is a list"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (3.5,)}", "malformed integer"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (3,)} junk", "unexpected text"),
        ("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (3,)}", "appears twice"),
        ("{'descr': __import__('os'), 'fortran_order': False, 'shape': (3,)}", "not a literal"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': ('a',)}", "holds a string"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (3,", "ends where a value should be"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,)}", "integer too large"),
        (String(repeating: "(", count: 100), "nests too deeply"),
    ])
    func malformed(_ text: String, _ problem: String) {
        expectInputError("h.npy", "key 'h'", problem) { _ = try header(text) }
    }
}
