import Foundation
import PenvizCore
import PenvizIO
import Testing

/// The `.npy`, CSV and JSON writers `penviz project` uses.
struct WritersTests {
    static let special: [Double] = [.nan, .infinity, -.infinity, -0.0, 1e-300, 0.1, 0x1p60]

    @Test("float64 arrays are byte for byte what np.save writes")
    func float64MatchesNumPy() throws {
        let matrix = (0..<3).flatMap { i in (0..<2).map { j in Formula.value("f8", i, j) } }
        #expect(Array(NpyWriter.encode(float64: matrix, shape: [3, 2])) == (try Fixtures.bytes("writers/f8_2d.npy")))
        #expect(Array(NpyWriter.encode(float64: Self.special, shape: [7])) == (try Fixtures.bytes("writers/f8_special_1d.npy")))
        let long = (0..<1000).map { Double($0) / 8 }
        #expect(Array(NpyWriter.encode(float64: long, shape: [1000])) == (try Fixtures.bytes("writers/f8_long_1d.npy")))
    }

    @Test("int64 and unicode arrays are byte for byte what np.save writes")
    func int64AndUnicodeMatchNumPy() throws {
        let integers: [Int64] = [0, -1, 1 << 40, -(1 << 62), 7]
        #expect(Array(NpyWriter.encode(int64: integers, shape: [5])) == (try Fixtures.bytes("writers/i8_1d.npy")))
        #expect(Array(NpyWriter.encode(int64: [1, 2, 3, 4, 5, 6], shape: [2, 3])) == (try Fixtures.bytes("writers/i8_2d.npy")))
        #expect(Array(NpyWriter.encode(unicode: fixtureClassNames, shape: [5])) == (try Fixtures.bytes("writers/U_1d.npy")))
    }

    @Test("a streamed float64 array is byte for byte the one encoded whole, for any block size")
    func streamedFloat64() throws {
        let folder = try TemporaryFolder()
        let values = (0..<(1000 * 3)).map { Double($0) / 8 - 100 }
        for blockRows in [1, 7, 999, 1000, 4096] {
            let path = folder.file("streamed-\(blockRows).npy")
            try AtomicFile.stream(to: path) { file in
                try NpyWriter.write(float64Rows: 1000, columns: 3, to: file, blockRows: blockRows) { block, buffer in
                    for (offset, row) in block.enumerated() {
                        for column in 0..<3 { buffer[3 * offset + column] = values[3 * row + column] }
                    }
                }
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == NpyWriter.encode(float64: values, shape: [1000, 3]))
        }
        let matrix = (0..<3).flatMap { i in (0..<2).map { j in Formula.value("f8", i, j) } }
        let path = folder.file("fixture.npy")
        try AtomicFile.stream(to: path) { file in
            try NpyWriter.write(float64Rows: 3, columns: 2, to: file, blockRows: 2) { block, buffer in
                for (offset, row) in block.enumerated() { buffer[2 * offset] = matrix[2 * row]; buffer[2 * offset + 1] = matrix[2 * row + 1] }
            }
        }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == (try Fixtures.bytes("writers/f8_2d.npy")))
    }

    @Test("written arrays read back through the reader")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("coords.npy")
        try AtomicFile.write(NpyWriter.encode(float64: [1.5, -2, 3, 4e100, -0.0, 6], shape: [3, 2]), to: path)
        let coords = try NpyFile(path: path).array("coords")
        #expect(coords.shape == [3, 2])
        #expect(coords.doubles().map(\.bitPattern) == [1.5, -2, 3, 4e100, -0.0, 6].map(\.bitPattern))

        let namesPath = folder.file("names.npy")
        try AtomicFile.write(NpyWriter.encode(unicode: ["a", "", "日本語"], shape: [3]), to: namesPath)
        #expect(try NpyFile(path: namesPath).array("names").strings() == ["a", "", "日本語"])
    }

    @Test("CSV fields are quoted only when RFC 4180 needs it")
    func quoting() {
        let csv = DelimitedTextWriter()
        #expect(csv.render(.text("bird")) == "bird")
        #expect(csv.render(.text("a,b")) == "\"a,b\"")
        #expect(csv.render(.text("say \"hi\"")) == "\"say \"\"hi\"\"\"")
        #expect(csv.render(.text("two\nlines")) == "\"two\nlines\"")
        #expect(csv.render(.text(" padded")) == "\" padded\"")
        #expect(csv.render(.integer(-3)) == "-3")
        let tsv = DelimitedTextWriter(forPath: "out/coords.TSV")
        #expect(tsv.render(.text("a,b")) == "a,b")
        #expect(tsv.render(.text("a\tb")) == "\"a\tb\"")
        #expect(csv.line([.text("index"), .text("class")]) + csv.line([.integer(0), .text("cat, dog")]) == "index,class\n0,\"cat, dog\"\n")
    }

    @Test("CSV numbers read back to the same Double, bit for bit")
    func numbersRoundTrip() throws {
        let numbers: [Double] = [0.1, 1.0 / 3, 1e-300, 5e-324, .greatestFiniteMagnitude, -0.0, 123456789.125, 2.0 / 3e10]
        let folder = try TemporaryFolder()
        let path = folder.file("numbers.csv")
        let writer = DelimitedTextWriter()
        try AtomicFile.write(Data((writer.line([.text("x")]) + numbers.map { writer.line([.number($0)]) }.joined()).utf8), to: path)
        let read = try DelimitedTextFile(path: path).array("numbers").doubles()
        #expect(read.map(\.bitPattern) == numbers.map(\.bitPattern))
        #expect(writer.render(.number(.nan)) == "nan" && writer.render(.number(-.infinity)) == "-inf")
    }

    @Test("JSON is pretty-printed with sorted keys and a final newline, the same every time")
    func json() throws {
        struct Output: Encodable {
            let zeta = 1
            let alpha = [0.5, 0.1]
            let path = "a/b"
        }
        let expected = "{\n  \"alpha\" : [\n    0.5,\n    0.1\n  ],\n  \"path\" : \"a/b\",\n  \"zeta\" : 1\n}\n"
        #expect(String(decoding: try JSONOutput.encode(Output()), as: UTF8.self) == expected)
        let folder = try TemporaryFolder()
        try JSONOutput.write(Output(), to: folder.file("m.json"))
        #expect(try String(contentsOfFile: folder.file("m.json"), encoding: .utf8) == expected)
    }
}
