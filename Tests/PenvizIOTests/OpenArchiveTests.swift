import Foundation
import PenvizCore
import PenvizIO
import Testing

/// `openArchive` picks the reader by extension or folder.
struct OpenArchiveTests {
    @Test("each extension and a folder open with their reader", arguments: [
        ("npz/stored.npz", "NpzArchive"), ("safetensors/numeric.safetensors", "SafetensorsFile"),
        ("npy/f4_le_c.npy", "NpyFile"), ("text/features_header.csv", "DelimitedTextFile"),
        ("text/labels_noheader.tsv", "DelimitedTextFile"), ("dir_run", "DirectoryArchive"),
    ])
    func picksReader(_ relative: String, _ reader: String) throws {
        let archive = try openArchive(Fixtures.path(relative))
        #expect(String(describing: type(of: archive)) == reader)
        #expect(archive.path == Fixtures.path(relative))
    }

    @Test("the extension is matched without regard to case")
    func uppercaseExtension() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(try Fixtures.bytes("npy/f8_le_1d.npy"), to: "W.NPY")
        #expect(try openArchive(path).entries.map(\.key) == ["W"])
    }

    @Test("a missing path and an unknown type are errors naming the file")
    func errors() throws {
        let folder = try TemporaryFolder()
        expectInputError(folder.file("none.npz"), "no such file or directory") { _ = try openArchive(folder.file("none.npz")) }
        let pickle = try folder.write("x", to: "model.pkl")
        expectInputError(pickle, "extension '.pkl'", "penviz reads .npz, .pt, .pth, .safetensors, .npy, .csv, .tsv") {
            _ = try openArchive(pickle)
        }
    }
}
