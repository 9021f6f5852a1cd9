import Foundation
import PenvizCore
import PenvizIO
import Testing

/// CSV and TSV files written by Python's csv module, with and without header rows.
struct DelimitedTextTests {
    @Test("a 3×4 matrix with or without a header row, comma or tab separated", arguments: [
        ("features_header.csv", true), ("features_noheader.csv", false), ("features_header.tsv", true),
    ])
    func readsMatrix(_ name: String, _ hasHeader: Bool) throws {
        let file = try DelimitedTextFile(path: Fixtures.path("text/\(name)"))
        let stem = (name as NSString).deletingPathExtension
        #expect(file.key == stem)
        #expect(file.columnNames == (hasHeader ? ["f0", "f1", "f2", "f3"] : nil))
        let storedType = name.hasSuffix(".tsv") ? "tsv" : "csv"
        #expect(file.entries == [ArrayEntry(key: stem, storedType: storedType, dtype: .float64, shape: [3, 4], byteCount: 96)])
        #expect(try file.array(stem).doubles() == Formula.values("f8", shape: [3, 4]))
    }

    @Test("a single column is a 1-d array", arguments: ["labels_noheader.tsv", "labels_header.csv"])
    func readsColumn(_ name: String) throws {
        let file = try DelimitedTextFile(path: Fixtures.path("text/\(name)"))
        let array = try file.array(file.key)
        #expect(array.shape == [5])
        #expect(array.doubles() == Formula.values("f8", shape: [5]))
    }

    @Test("quoted header names, padded numbers and CRLF line ends")
    func quotedAndCRLF() throws {
        let file = try DelimitedTextFile(path: Fixtures.path("text/quoted_crlf.csv"))
        #expect(file.columnNames == ["x, first", "say \"y\""])
        let array = try file.array("quoted_crlf")
        #expect(array.shape == [3, 2])
        #expect(array.doubles() == (0..<3).flatMap { [Formula.value("f8", $0, 0), Formula.value("f8", $0, 1)] })
    }

    @Test("blank lines are skipped; nan, inf and exponents are numbers")
    func blankLinesAndSpecialNumbers() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a,b\n\n1e-3,nan\n\n-inf,2\n\n", to: "special.csv")
        let values = try DelimitedTextFile(path: path).array("special").doubles()
        #expect(values[0] == 0.001)
        #expect(values[1].isNaN)
        #expect(values[2] == -.infinity && values[3] == 2)
    }

    @Test("the key can be given instead of the stem")
    func keyOverride() throws {
        let file = try DelimitedTextFile(path: Fixtures.path("text/features_noheader.csv"), key: "weight")
        #expect(file.entries.map(\.key) == ["weight"])
        #expect(try file.array("weight").shape == [3, 4])
    }
}
