import Foundation
import Testing

/// Every command on PyTorch files written by real `torch.save` (scripts/make-torch-fixtures):
/// the same numbers, tables and figures as the same arrays saved by NumPy, to the last bit;
/// a whole checkpoint's final layer found by shape; a model file beside an activations file.
@Suite("PyTorch runs")
struct TorchRunCommandTests {
    /// Tests/PenvizIOTests/Fixtures/torch, found from this file's path.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PenvizIOTests/Fixtures/torch")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// The JSON at `path` without its `source` fields (the only place the two files' names appear).
    static func metricsWithoutSources(_ path: String) throws -> NSDictionary {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { $0.key != "source" }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        return strip(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))) as! NSDictionary
    }

    @Test("plot, compare, calibrate, erasure and report on a .pt give what they give on the same arrays in an .npz",
          arguments: [
              ["plot", "RUN", "--classes", "cat,dog,owl"],
              ["compare", "RUN", "RUN", "--labels", "a,b", "--classes", "cat,dog,owl"],
              ["calibrate", "RUN", "--fit-split", "train", "--eval-split", "val"],
              ["erasure", "RUN", "--classes", "cat,dog"],
          ])
    func sameAsNpz(_ command: [String]) throws {
        let folder = try RunFolder()
        defer { folder.cleanUp() }
        var outputs: [String: (stdout: String, figure: Data, metrics: NSDictionary?)] = [:]
        for format in ["pt", "npz"] {
            let figure = folder.path("\(format).png"), metrics = folder.path("\(format).json")
            let arguments = command.map { $0 == "RUN" ? Self.fixture("hook_run.\(format)") : $0 } + ["--out", figure]
                + (command[0] == "plot" ? [] : ["--metrics", metrics])
            let result = try PenvizProcess.run(arguments)
            #expect(result.status == 0, "\(format): \(result.stderr)")
            outputs[format] = (result.stdout, try Data(contentsOf: URL(fileURLWithPath: figure)),
                               command[0] == "plot" ? nil : try Self.metricsWithoutSources(metrics))
        }
        let pt = try #require(outputs["pt"]), npz = try #require(outputs["npz"])
        #expect(pt.stdout.replacingOccurrences(of: ".pt", with: ".npz") == npz.stdout)
        #expect(pt.figure == npz.figure)
        #expect(pt.metrics == npz.metrics)
    }

    @Test("report on a .pt writes the metrics.json it writes on the .npz")
    func report() throws {
        let folder = try RunFolder()
        defer { folder.cleanUp() }
        var documents: [NSDictionary] = []
        for format in ["pt", "npz"] {
            let out = folder.path("report-\(format)")
            let result = try PenvizProcess.run(["report", Self.fixture("hook_run.\(format)"), "--out", out, "--classes", "cat,dog,owl"])
            #expect(result.status == 0, "\(result.stderr)")
            documents.append(try Self.metricsWithoutSources("\(out)/metrics.json"))
        }
        #expect(documents[0] == documents[1])
    }

    @Test("inspect lists a .pt's arrays and the run in it")
    func inspect() throws {
        let result = try PenvizProcess.run(["inspect", Self.fixture("hook_run.pt")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("class_names") && result.stdout.contains("list of str"))
        #expect(result.stdout.contains("a run of K = 3, D = 4"))
    }

    @Test("activations in one file, the model in another (--weights): as if saved together; a checkpoint's layer found by shape")
    func weightsFile() throws {
        let folder = try RunFolder()
        defer { folder.cleanUp() }
        let together = folder.path("together.json")
        #expect(try PenvizProcess.run(["calibrate", Self.fixture("resnet18_run.npz"), "--labels", "r", "--metrics", together]).status == 0)
        for model in ["resnet18.pt", "resnet18_checkpoint.pth"] {
            let apart = folder.path("\(model).json")
            let result = try PenvizProcess.run([
                "calibrate", Self.fixture("resnet18_acts.pt"), "--weights", Self.fixture(model), "--labels", "r", "--metrics", apart,
            ])
            #expect(result.status == 0, "\(model): \(result.stderr)")
            #expect(try Self.metricsWithoutSources(apart) == Self.metricsWithoutSources(together), "\(model)")
            // resnet18.pt names its layer fc.weight; the checkpoint nests it, so it is found by its shape.
            let searched = result.stderrLines.filter { $0.contains("final layer taken from") }
            if model == "resnet18.pt" {
                #expect(searched.isEmpty)
            } else {
                #expect(searched == [
                    "note: \(Self.fixture(model)): final layer taken from 'model.fc.weight', the last 2-d weight that fits "
                        + "(D = 16 as the features, K = 5 as the logits)",
                ])
            }
        }
        let alone = try PenvizProcess.run(["plot", Self.fixture("resnet18_acts.pt"), "--classes", "0,1,2", "--out", folder.path("f.png")])
        #expect(alone.status == 1 && alone.stderrLines.count == 1)
        #expect(alone.stderr.contains("no final-layer weight found") && alone.stderr.contains("--weights"))
        let miscounted = try PenvizProcess.run([
            "compare", Self.fixture("hook_run.pt"), Self.fixture("hook_run.pt"), "--weights", Self.fixture("hook_run.pt"),
            "--out", folder.path("c.png"),
        ])
        #expect(miscounted.status == 64 && miscounted.stderr.contains("--weights is given 1 time for 2 runs"))
    }

    @Test("when several layers fit, the last one is taken and the note names the others")
    func severalFit() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        // RunFolder's K = 3, D = 2 weight under two head names, and a hidden layer of another shape.
        try run.remove("weight")
        run.write("hidden.weight", NpyBytes.float64([1, 0, 0, 1], shape: [2, 2]))
        run.write("head_a.weight", NpyBytes.float64([5, 5, 5, 5, 5, 5], shape: [3, 2]))
        run.write("head_b.weight", NpyBytes.float64([0, 0, 2, 0, 0, 2], shape: [3, 2]))
        let result = try PenvizProcess.run(["plot", run.run.path, "--classes", "cat,dog,owl", "--out", run.path("f.png")])
        #expect(result.status == 0, "\(result.stderr)")
        let notes = result.stderrLines.filter { $0.contains("final layer taken from") }
        #expect(notes.count == 1)
        #expect(notes.first?.contains("'head_b.weight'") == true && notes.first?.hasSuffix("also fit: head_a.weight") == true)
    }

    @Test("a .pt whose pickle calls os.system: one error line naming it, nothing run, nothing written")
    func hostile() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let marker = run.path("ran")
        var pickle: [UInt8] = [0x80, 2] + Array("cos\nsystem\n".utf8)
        let command = Array("touch \(marker)".utf8)
        pickle += [UInt8(ascii: "X")] + withUnsafeBytes(of: UInt32(command.count).littleEndian, Array.init) + command
        pickle += [0x85, UInt8(ascii: "R"), UInt8(ascii: ".")]
        let file = run.path("evil.pt"), out = run.path("f.png")
        try ZipFileBytes.archive([ZipMemberBytes("evil/data.pkl", Data(pickle)), ZipMemberBytes("evil/byteorder", Data("little".utf8))])
            .write(to: URL(fileURLWithPath: file))
        for arguments in [["inspect", file], ["plot", file, "--classes", "0,1,2", "--out", out]] {
            let result = try PenvizProcess.run(arguments)
            #expect(result.status == 1 && result.stderrLines.count == 1, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("error: \(file): pickle asks for 'os.system'; penviz loads tensors only"))
        }
        #expect(!FileManager.default.fileExists(atPath: marker) && !FileManager.default.fileExists(atPath: out))
    }
}
