import Foundation
import Testing

/// Every broken run gets exit status 1 (64 for usage mistakes), exactly one
/// `error:` line naming the file and the problem, and no output: a new output
/// file is not created and an older one is left byte for byte as it was.
@Suite("Bad input")
struct BadInputTests {
    /// One broken input: how to break the default run, the arguments to change, and what the error must say.
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let status: Int32
        let mustSay: [String]
        let classes: String
        let breakRun: @Sendable (RunFolder) throws -> Void

        init(_ name: String, status: Int32 = 1, classes: String = "cat,dog,owl", mustSay: [String],
             _ breakRun: @escaping @Sendable (RunFolder) throws -> Void)
        {
            self.name = name
            self.status = status
            self.mustSay = mustSay
            self.classes = classes
            self.breakRun = breakRun
        }

        var description: String { name }
    }

    static let cases: [Case] = [
        Case("truncated data", mustSay: ["weight"]) { run in
            let full = NpyBytes.float64([0, 0, 2, 0, 0, 2], shape: [3, 2])
            run.write("weight", full.prefix(full.count - 8))
        },
        Case("header claims more data than the file", mustSay: ["val_features"]) { run in
            run.write("val_features", NpyBytes.file(
                header: "{'descr': '<f8', 'fortran_order': False, 'shape': (400000, 2), }", data: Data(count: 64)))
        },
        Case("shape whose product overflows", mustSay: ["val_features"]) { run in
            run.write("val_features", NpyBytes.file(
                header: "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", data: Data(count: 64)))
        },
        Case("object array (a pickle)", mustSay: ["class_names"]) { run in
            // A protocol-2 pickle of a list: penviz must refuse it without reading it.
            let pickle = Data([0x80, 0x02, 0x5d, 0x71, 0x00, 0x2e])
            run.write("class_names", NpyBytes.file(
                header: "{'descr': '|O', 'fortran_order': False, 'shape': (3,), }", data: pickle))
        },
        Case("label out of range", mustSay: ["val_labels", "row 1", "outside"]) { run in
            run.write("val_labels", NpyBytes.int64([0, 3, 0, 2], shape: [4]))
        },
        Case("negative label", mustSay: ["val_labels", "row 2"]) { run in
            run.write("val_labels", NpyBytes.int64([0, 1, -1, 2], shape: [4]))
        },
        Case("fractional label", mustSay: ["val_labels", "not an integer"]) { run in
            run.write("val_labels", NpyBytes.float64([0, 1.5, 0, 2], shape: [4]))
        },
        Case("N mismatch between features and labels", mustSay: ["val_labels", "3 labels", "N = 4"]) { run in
            run.write("val_labels", NpyBytes.int64([0, 1, 2], shape: [3]))
        },
        Case("N mismatch between features and logits", mustSay: ["val_logits", "N×K"]) { run in
            run.write("val_logits", NpyBytes.float64(Array(repeating: 0, count: 9), shape: [3, 3]))
        },
        Case("wrong D", mustSay: ["val_features", "D = 3", "D = 2"]) { run in
            run.write("val_features", NpyBytes.float64(Array(repeating: 1, count: 12), shape: [4, 3]))
        },
        Case("3-d features", mustSay: ["val_features", "2-d", "flatten"]) { run in
            run.write("val_features", NpyBytes.float64(Array(repeating: 1, count: 8), shape: [4, 1, 2]))
        },
        Case("NaN row", mustSay: ["val_features", "row 2", "non-finite"]) { run in
            run.write("val_features", NpyBytes.float64([1, 1, 2, 0, .nan, 0, 5, 5], shape: [4, 2]))
        },
        Case("infinite weight", mustSay: ["weight", "non-finite"]) { run in
            run.write("weight", NpyBytes.float64([0, 0, 2, .infinity, 0, 2], shape: [3, 2]))
        },
        Case("K = 2", mustSay: ["K ≥ 3", "K = 2"]) { run in
            run.write("weight", NpyBytes.float64([0, 0, 2, 0], shape: [2, 2]))
            run.write("bias", NpyBytes.float64([0, 0], shape: [2]))
            run.write("class_names", NpyBytes.unicode(["cat", "dog"]))
            run.write("val_labels", NpyBytes.int64([0, 1, 0, 1], shape: [4]))
        },
        Case("class names do not number K", mustSay: ["class_names", "2 class names", "K = 3"]) { run in
            run.write("class_names", NpyBytes.unicode(["cat", "dog"]))
        },
        Case("no weight in the run folder", mustSay: ["no final-layer weight"]) { run in
            try run.remove("weight")
        },
        Case("bad magic", mustSay: ["bias"]) { run in
            run.write("bias", Data("not an npy file at all, just text".utf8))
        },
        Case("duplicate class in --classes", status: 64, classes: "cat,dog,cat", mustSay: ["same class twice"]) { _ in },
        Case("unknown class name", status: 64, classes: "cat,dog,eel", mustSay: ["unknown class 'eel'"]) { _ in },
        Case("class id out of range", status: 64, classes: "0,1,7", mustSay: ["class id 7"]) { _ in },
    ]

    @Test("fails cleanly and leaves no output", arguments: cases)
    func failsCleanly(_ badCase: Case) throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        try badCase.breakRun(run)

        let fresh = run.path("fresh.csv")
        let result = try PenvizProcess.run(["project", run.run.path, "--classes", badCase.classes, "--split", "val", "--out", fresh])
        #expect(result.status == badCase.status)
        #expect(result.stderrLines.count == 1, "stderr: \(result.stderr)")
        let line = result.stderrLines.first ?? ""
        #expect(line.hasPrefix("error: "))
        if badCase.status == 1 { #expect(line.contains(run.run.path)) }
        for phrase in badCase.mustSay {
            #expect(line.contains(phrase), "'\(line)' should contain '\(phrase)'")
        }
        #expect(!FileManager.default.fileExists(atPath: fresh))

        let older = run.path("older.csv")
        let olderBytes = Data("an older result\n".utf8)
        FileManager.default.createFile(atPath: older, contents: olderBytes)
        let again = try PenvizProcess.run(["project", run.run.path, "--classes", badCase.classes, "--split", "val", "--out", older])
        #expect(again.status == badCase.status)
        #expect(FileManager.default.contents(atPath: older) == olderBytes)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: run.directory.path).filter { $0 != "run" && $0 != "older.csv" }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }

    @Test("an unknown output extension is a usage error")
    func unknownExtension() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["project", run.run.path, "--classes", "0,1,2", "--split", "val", "--out", run.path("coords.xlsx")])
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains(".xlsx"))
        #expect(!FileManager.default.fileExists(atPath: run.path("coords.xlsx")))
    }

    @Test("an unknown flag is a usage error on one line")
    func unknownFlag() throws {
        let result = try PenvizProcess.run(["project", "--bogus"])
        #expect(result.status == 64)
        #expect(result.stderrLines.first?.hasPrefix("error: ") == true)
    }
}
