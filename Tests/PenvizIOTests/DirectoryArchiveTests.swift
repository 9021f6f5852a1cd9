import Foundation
import PenvizCore
import PenvizIO
import Testing

/// Folders of `.npy`, `.csv` and `.tsv` files named by key.
struct DirectoryArchiveTests {
    @Test("files give keys by their path; other files and hidden ones are ignored")
    func listsKeys() throws {
        let archive = try DirectoryArchive(path: Fixtures.path("dir_run"))
        #expect(archive.entries == [
            ArrayEntry(key: "class_names", storedType: "<U10", dtype: .unicode(length: 10), shape: [5], byteCount: 200),
            ArrayEntry(key: "train/features", storedType: "<f4", dtype: .float32, shape: [3, 4], byteCount: 48),
            ArrayEntry(key: "train_labels", storedType: "<i8", dtype: .int64, shape: [5], byteCount: 40),
            ArrayEntry(key: "weight", storedType: "csv", dtype: .float64, shape: [3, 4], byteCount: 96),
        ])
    }

    @Test("arrays read the formula's values, whatever file holds them")
    func reads() throws {
        let archive = try DirectoryArchive(path: Fixtures.path("dir_run"))
        #expect(try archive.array("train/features").doubles() == Formula.values("f4", shape: [3, 4]))
        #expect(try archive.array("train_labels").doubles() == Formula.values("i8", shape: [5]))
        #expect(try archive.array("weight").doubles() == Formula.values("f8", shape: [3, 4]))
        #expect(try archive.array("class_names").strings() == fixtureClassNames)
    }

    @Test("errors from a member name the member's file and the key")
    func memberErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write("1,2\n3\n", to: "sub/bias.csv")
        expectInputError(folder.file("sub/bias.csv"), "key 'sub/bias'", "row 2 has 1 fields") {
            _ = try DirectoryArchive(path: folder.path)
        }
    }

    @Test("two files with the same key are an error")
    func duplicateKeys() throws {
        let folder = try TemporaryFolder()
        try folder.write(try Fixtures.bytes("npy/f8_le_1d.npy"), to: "weight.npy")
        try folder.write("1,2\n", to: "weight.csv")
        expectInputError(folder.path, "key 'weight'", "both 'weight.csv' and 'weight.npy'") {
            _ = try DirectoryArchive(path: folder.path)
        }
    }

    @Test("a folder without array files is an error")
    func empty() throws {
        let folder = try TemporaryFolder()
        try folder.write("notes", to: "notes.txt")
        expectInputError(folder.path, "holds no .npy, .csv or .tsv files") { _ = try DirectoryArchive(path: folder.path) }
    }
}
