import Foundation
import Testing

/// Broken CSV members, class names and runs whose files read but do not make a run.
extension MalformedInputTests {
    /// Replaces the run's `KEY.npy` with `KEY.csv` holding `text`.
    static func csvMember(_ run: RunFolder, _ key: String, _ text: Data) throws {
        try run.remove(key)
        FileManager.default.createFile(atPath: run.run.appendingPathComponent("\(key).csv").path, contents: text)
    }

    /// A `|S` array of the given byte strings, NUL-padded to the longest.
    static func byteStrings(_ strings: [[UInt8]]) -> Data {
        let length = strings.map(\.count).max()!
        let data = strings.reduce(Data()) { $0 + Data($1 + [UInt8](repeating: 0, count: length - $1.count)) }
        return NpyBytes.file(header: header(descr: "'|S\(length)'", shape: "(\(strings.count),)"), data: data)
    }

    /// `--class-names FILE` with `contents`; the error must name the file.
    static func classNamesFile(_ name: String, mustSay: [String], _ contents: Data?) -> Case {
        Case(name: name, mustSay: mustSay) { run in
            let path = run.path("names.txt")
            if let contents { FileManager.default.createFile(atPath: path, contents: contents) }
            return .project(run.run.path, naming: path, extra: ["--class-names", path])
        }
    }

    static let textCases: [Case] = [
        .folder("a ragged CSV weight", mustSay: ["weight.csv", "row 2 has 1 fields but the first row has 2"]) { run in
            try csvMember(run, "weight", Data("0,0\n2\n0,2\n".utf8))
        },
        .folder("a word in CSV labels", mustSay: ["val_labels.csv", "row 3, column 1: 'cat' is not a number"]) { run in
            try csvMember(run, "val_labels", Data("0\n1\ncat\n2\n".utf8))
        },
        .folder("a CSV that is not UTF-8", mustSay: ["bias.csv", "is not UTF-8 text"]) { run in
            try csvMember(run, "bias", Data([0x30, 0x0A, 0xFF, 0x0A, 0x32, 0x0A]))
        },
        .folder("a CSV with a header and no rows", mustSay: ["bias.csv", "holds no rows of numbers"]) { run in
            try csvMember(run, "bias", Data("cat,dog,owl\n".utf8))
        },
        .folder("one key in two files", mustSay: ["both 'weight.csv' and 'weight.npy' hold this key"]) { run in
            FileManager.default.createFile(atPath: run.run.appendingPathComponent("weight.csv").path, contents: Data("0,0\n2,0\n0,2\n".utf8))
        },
        Case(name: "a FIFO where a file should be", mustSay: ["is not a regular file"]) { run in
            // A named pipe with no writer: opening it for reading must not wait for one.
            try run.remove("val_labels")
            let path = run.run.appendingPathComponent("val_labels.npy").path
            #expect(mkfifo(path, 0o600) == 0)
            return .project(run.run.path, naming: path)
        },
    ]

    static let classNameCases: [Case] = [
        .folder("'|S' class names that are not UTF-8", mustSay: ["key 'class_names'", "class names: element 1 is not valid text"]) { run in
            run.write("class_names", byteStrings([Array("cat".utf8), [0xFF, 0xFE, 0x41], Array("owl".utf8)]))
        },
        .folder("'<U' class names holding a surrogate", mustSay: ["key 'class_names'", "class names: element 1 is not valid text"]) { run in
            let units: [UInt32] = [99, 97, 116, 0xD800, 111, 103, 111, 119, 108]
            let data = units.reduce(Data()) { $0 + ZipFileBytes.le($1) }
            run.write("class_names", NpyBytes.file(header: header(descr: "'<U3'", shape: "(3,)"), data: data))
        },
        .folder("numbers for class names", mustSay: ["key 'class_names'", "class names: holds float64 values, not strings"]) { run in
            run.write("class_names", NpyBytes.float64([0, 1, 2], shape: [3]))
        },
        .folder("an empty class name", mustSay: ["key 'class_names'", "class name 1 is empty"]) { run in
            run.write("class_names", NpyBytes.unicode(["cat", "", "owl"]))
        },
        .folder("a repeated class name whose ids would repeat another", mustSay: ["key 'class_names'", "class names repeat a name"]) { run in
            run.write("class_names", NpyBytes.unicode(["owl (2)", "owl", "owl"]))
        },
        classNamesFile("a --class-names file that is not UTF-8", mustSay: ["class names are not valid UTF-8"], Data("cat\ndog\n".utf8) + Data([0xC0, 0xAF, 0x0A])),
        classNamesFile("a --class-names JSON array of numbers", mustSay: ["class names in JSON must be an array of strings"], Data("[1, 2, 3]".utf8)),
        classNamesFile("a --class-names file that does not exist", mustSay: ["cannot open: No such file or directory"], nil),
    ]

    static let runCases: [Case] = [
        .folder("2-d labels", mustSay: ["key 'val_labels'", "labels must be a 1-d array of class ids"]) { run in
            run.write("val_labels", NpyBytes.int64([0, 0, 1, 1, 0, 0, 2, 2], shape: [4, 2]))
        },
        .folder("a NaN label", mustSay: ["key 'val_labels'", "label in row 1 is nan, not an integer"]) { run in
            run.write("val_labels", NpyBytes.float64([0, .nan, 0, 2], shape: [4]))
        },
        .folder("infinite logits", mustSay: ["key 'val_logits'", "row 2 holds a non-finite value"]) { run in
            run.write("val_logits", NpyBytes.float64([0, 0, 0, 0, 0, 0, .infinity, 0, 0, 0, 0, 0], shape: [4, 3]))
        },
        .folder("a NaN bias", mustSay: ["key 'bias'", "bias of class 1 is not finite"]) { run in
            run.write("bias", NpyBytes.float64([0, .nan, 2], shape: [3]))
        },
        .folder("a bias of the wrong length", mustSay: ["key 'bias'", "bias must hold K = 3 numbers"]) { run in
            run.write("bias", NpyBytes.float64([0, 2], shape: [2]))
        },
        .folder("label smoothing of 1.5", mustSay: ["key 'label_smoothing'", "label_smoothing must lie in [0, 1), got 1.5"]) { run in
            run.write("label_smoothing", NpyBytes.float64([1.5], shape: []))
        },
        .folder("label smoothing that is a vector", mustSay: ["key 'label_smoothing'", "label_smoothing must be one number"]) { run in
            run.write("label_smoothing", NpyBytes.float64([0.1, 0.2], shape: [2]))
        },
        .folder("a 1-d weight", mustSay: ["key 'weight'", "weight must be a K×D matrix"]) { run in
            run.write("weight", NpyBytes.float64([0, 0, 2, 0, 0, 2], shape: [6]))
        },
        .folder("a weight of strings", mustSay: ["key 'weight'", "weight must be numeric"]) { run in
            run.write("weight", NpyBytes.unicode(["a", "b", "c"]))
        },
        .folder("features of strings", mustSay: ["key 'val_features'", "features must be numeric"]) { run in
            run.write("val_features", NpyBytes.unicode(["a", "b", "c", "d"]))
        },
        .folder("features without labels", mustSay: ["split 'val' has features but no val_labels"]) { run in
            try run.remove("val_labels")
        },
        .folder("a folder with no arrays", mustSay: ["the folder holds no .npy, .csv or .tsv files"]) { run in
            for key in ["weight", "bias", "class_names", "val_features", "val_labels"] { try run.remove(key) }
        },
        .folder("a split the run does not have", mustSay: ["no split 'test'"], extra: ["--split", "test"]) { _ in },
        Case(name: "a run that does not exist", mustSay: ["no such file or directory"]) { run in
            .project(run.path("missing.npz"))
        },
        Case(name: "a run of an unknown type", mustSay: ["unknown file type (extension '.h5')"]) { run in
            FileManager.default.createFile(atPath: run.path("run.h5"), contents: Data("HDF".utf8))
            return .project(run.path("run.h5"))
        },
    ]

    @Test("a label of 1e300 is an error, not a crash")
    func hugeLabel() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        run.write("val_labels", NpyBytes.float64([0, 1e300, 0, 2], shape: [4]))
        let result = try PenvizProcess.run(["project", run.run.path, "--classes", "0,1,2", "--out", run.path("out.csv")])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1 && result.stderr.contains("label in row 1 is 1e+300"))
        #expect(!FileManager.default.fileExists(atPath: run.path("out.csv")))
    }
}
