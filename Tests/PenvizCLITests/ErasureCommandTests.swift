import Foundation
import Testing

/// `penviz erasure` end to end on ``RunFolder`` with augmented logits added.
@Suite("penviz erasure")
struct ErasureCommandTests {
    /// The run with `train_logits_aug`: two examples, L = 2 passes (so a reading of
    /// the axes must be given with `--layout NLK`: L×N×K reads the same sizes), logits
    /// (1 + f, 5, 1) for differences f = (−1, 1) and (1, 3) of cat − owl, so
    /// σ² = 1 and Î = ln 2 − ½ (ln(1 + e⁻⁴) + ln 2); and their labels, cat and owl
    /// by turns.
    static func run(passes: [[Double]] = [[-1, 1], [1, 3]]) throws -> RunFolder {
        let run = try RunFolder()
        let values: [Double] = passes.flatMap { example in example.flatMap { f -> [Double] in [1 + f, 5, 1] } }
        run.write("train_logits_aug", NpyBytes.float64(values, shape: [passes.count, passes[0].count, 3]))
        run.write("train_logits_aug_labels", NpyBytes.int64(passes.indices.map { $0 % 2 == 0 ? 0 : 2 }, shape: [passes.count]))
        return run
    }

    @Test("prints Î and ln N, writes the JSON and the figure")
    func writesEverything() throws {
        let run = try Self.run()
        defer { run.cleanUp() }
        let metrics = run.path("e.json"), out = run.path("erasure.svg")
        let result = try PenvizProcess.run(["erasure", run.run.path, "--classes", "cat,owl", "--out", out, "--metrics", metrics, "--layout", "NLK"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("classes: cat (0) − owl (2), key train_logits_aug\n"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metrics))) as! [String: Any]
        let entry = (object["runs"] as! [[String: Any]])[0]
        let information: Double = log(2) - (log(1 + exp(-4)) + log(2)) / 2
        #expect(abs((entry["information"] as! Double) - information) < 1e-14)
        #expect(abs((entry["ln_n"] as! Double) - log(2.0)) < 1e-15 && entry["n"] as? Int == 2 && entry["passes"] as? Int == 2)
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("<svg"))
    }

    @Test("--max-rows estimates on a seeded sample and says so; out of its range it is a usage error")
    func maxRows() throws {
        let run = try Self.run(passes: (0..<30).map { x in [Double(x), Double(x) + 0.5, Double(x) - 0.5] })
        defer { run.cleanUp() }
        let metrics = run.path("e.json")
        let result = try PenvizProcess.run(["erasure", run.run.path, "--classes", "0,2", "--max-rows", "12", "--metrics", metrics])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("\nrun: n is a seeded sample of 12 of its 30 examples (--max-rows)\n"), "\(result.stdout)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metrics))) as! [String: Any]
        let entry = (object["runs"] as! [[String: Any]])[0]
        #expect(entry["n"] as? Int == 12 && entry["examples"] as? Int == 30)
        #expect(abs((entry["ln_n"] as! Double) - log(12.0)) < 1e-15)
        for bad in ["1", "1000001", "0"] {
            let refused = try PenvizProcess.run(["erasure", run.run.path, "--classes", "0,2", "--max-rows", bad])
            #expect(refused.status == 64 && refused.stderr.contains("--max-rows must lie in 2…1000000"), "\(refused.stderr)")
        }
    }

    @Test("a file of augmented logits alone is enough: no final layer, features or names")
    func augmentedLogitsAlone() throws {
        let run = try Self.run(passes: [[-1, 1], [1, 3], [0, 2]])
        defer { run.cleanUp() }
        for key in ["weight", "bias", "class_names", "val_features", "val_labels", "train_logits_aug_labels"] { try run.remove(key) }
        run.write("train_labels", NpyBytes.int64([0, 2, 2], shape: [3]))
        let metrics = run.path("e.json"), out = run.path("e.svg")
        let result = try PenvizProcess.run(["erasure", run.run.path, "--classes", "0,2", "--metrics", metrics, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("classes: 0 (0) − 2 (2), key train_logits_aug\n"), "\(result.stdout)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metrics))) as! [String: Any]
        #expect((object["runs"] as! [[String: Any]])[0]["n"] as? Int == 3)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("<svg"))
        // Class names that do not number K are refused, naming the key and where K came from.
        run.write("class_names", NpyBytes.unicode(["cat", "owl"]))
        let named = try PenvizProcess.run(["erasure", run.run.path, "--classes", "0,1"])
        #expect(named.status == 1)
        #expect(named.stderrLines == [
            "error: \(run.run.path): key 'train_logits_aug': augmented logits must be N×L×K with K = 2, got shape [3, 2, 3]"
                + " (K from the 2 class names of class_names)",
        ], "\(named.stderr)")
    }

    @Test("a file without augmented logits is refused, saying what erasure reads")
    func noAugmentedLogits() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["erasure", run.run.path, "--classes", "0,2"])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("error: \(run.run.path): no augmented logits found"), "\(result.stderr)")
    }

    @Test("--split names the key S_logits_aug")
    func split() throws {
        let run = try Self.run()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["erasure", run.run.path, "--classes", "0,2", "--split", "train", "--layout", "NLK"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("key train_logits_aug"))
    }

    @Test("a missing key is an input error naming the file and the key and listing the augmented keys")
    func missingKey() throws {
        let run = try Self.run()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["erasure", run.run.path, "--classes", "cat,owl", "--key", "val_logits_aug", "--layout", "NLK"])
        #expect(result.status == 1)
        #expect(result.stderrLines == [
            "error: \(run.run.path): key 'val_logits_aug': no such augmented logits; the run has train_logits_aug",
        ])
    }

    @Test("one pass per example leaves Î undefined: exit 1 with the reason")
    func onePass() throws {
        let run = try Self.run(passes: [[0], [1]])
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["erasure", run.run.path, "--classes", "cat,owl"])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1 && result.stderr.contains("σ² = 0") && result.stderr.contains("L ≥ 2"))
    }

    @Test("usage errors exit 64 with one line and write nothing", arguments: [
        ["--classes", "cat,cat"], ["--classes", "cat"], ["--classes", "cat,bat"], ["--classes", "0,7"],
        ["--classes", "0,2", "--split", "train", "--key", "train_logits_aug"], ["--classes", "0,2", "--out", "e.gif"],
        ["--classes", "0,2", "--metrics", "e.txt"], ["--classes", "0,2", "--labels", ""],
    ])
    func usage(arguments: [String]) throws {
        let run = try Self.run()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["erasure", run.run.path, "--layout", "NLK"] + arguments, in: run.directory)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderrLines.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.directory.path) == ["run"])
    }
}
