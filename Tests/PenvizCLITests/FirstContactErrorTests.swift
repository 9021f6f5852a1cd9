import Foundation
import Testing

/// What a new user meets first (issue 21): runs saved under other names, files that are
/// not what their extension says, and mistakes whose errors must say what to do.
@Suite("First-contact errors")
struct FirstContactErrorTests {
    /// The default run (K = 3, D = 2) with its `val` split saved under other keys.
    static func renamed(features: String, labels: String, logits: String? = nil) throws -> RunFolder {
        let run = try RunFolder()
        try run.remove("val_features")
        try run.remove("val_labels")
        run.write(features, NpyBytes.float64([1, 1, 2, 0, 0, 0, 5, 5], shape: [4, 2]))
        run.write(labels, NpyBytes.int64([0, 1, 0, 2], shape: [4]))
        if let logits { run.write(logits, NpyBytes.float64(Array(repeating: 0, count: 12), shape: [4, 3])) }
        return run
    }

    @Test("no split found lists the file's keys and says how to map them")
    func noSplitFound() throws {
        let run = try Self.renamed(features: "val_feats", labels: "val_y")
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["inspect", run.run.path])
        let compare = try PenvizProcess.run(["plot", run.run.path, "--classes", "0,1,2", "--out", run.path("f.png")])
        #expect(compare.status == 1 && compare.stderrLines.count == 1, "\(compare.stderr)")
        let line = compare.stderrLines[0]
        #expect(line.hasPrefix("error: \(run.run.path): no split found: the file holds 5 arrays: "), "\(line)")
        for key in ["bias", "class_names", "val_feats", "val_y", "weight", "S_features", "S.features", "--features-key '{split}_feats'"] {
            #expect(line.contains(key), "\(key)")
        }
        #expect(result.status == 0)
    }

    @Test("a file of layer parameters alone is told that activations are missing")
    func parametersAlone() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        for key in ["val_features", "val_labels", "class_names"] { try run.remove(key) }
        run.write("conv1.weight", NpyBytes.float64([1, 2], shape: [2]))
        let result = try PenvizProcess.run(["plot", run.run.path, "--classes", "0,1,2", "--out", run.path("f.png")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the file holds only layer parameters (3 arrays: "), "\(result.stderr)")
        #expect(result.stderr.contains("forward hook"))
    }

    @Test("--features-key '{split}_feats' maps every split at once; S.features is canonical")
    func splitPattern() throws {
        let run = try Self.renamed(features: "val_feats", labels: "val_y")
        defer { run.cleanUp() }
        run.write("train_feats", NpyBytes.float64([1, 1, 2, 0, 0, 0], shape: [3, 2]))
        run.write("train_y", NpyBytes.int64([0, 1, 2], shape: [3]))
        let result = try PenvizProcess.run([
            "compare", run.run.path, run.run.path, "--classes", "0,1,2", "--features-key", "{split}_feats", "--labels-key", "{split}_y",
            "--out", run.path("f.svg"), "--metrics", run.path("m.json"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let metrics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: run.path("m.json")))) as! [String: Any]
        let splits = ((metrics["runs"] as! [[String: Any]])[0]["splits"] as! [[String: Any]]).map { $0["name"] as? String }
        #expect(splits == ["train", "val"])
        // A labels key without the placeholder cannot name every split.
        let mixed = try PenvizProcess.run([
            "plot", run.run.path, "--classes", "0,1,2", "--features-key", "{split}_feats", "--labels-key", "val_y", "--out", run.path("g.png"),
        ])
        #expect(mixed.status == 64 && mixed.stderr.contains("--labels-key must too"), "\(mixed.stderr)")

        let dotted = try Self.renamed(features: "val.features", labels: "val.labels")
        defer { dotted.cleanUp() }
        let plot = try PenvizProcess.run(["plot", dotted.run.path, "--classes", "0,1,2", "--out", dotted.path("f.png")])
        #expect(plot.status == 0, "\(plot.stderr)")
    }

    @Test("a weight saved D×K is called transposed, with the size that shows it")
    func transposedWeight() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        // K = 3 classes, D = 2: the weight saved as its 2×3 transpose.
        run.write("weight", NpyBytes.float64([0, 2, 0, 0, 0, 2], shape: [2, 3]))
        let result = try PenvizProcess.run(["plot", run.run.path, "--classes", "0,1,2", "--out", run.path("f.png")])
        #expect(result.status == 1)
        #expect(result.stderrLines == [
            "error: \(run.run.path): key 'weight': shape [2, 3] looks transposed: penviz wants K×D (nn.Linear's layout), and the bias holds"
                + " 3 numbers; save W.T (shape [3, 2])",
        ], "\(result.stderr)")
    }

    @Test("a PyTorch zip named .npz is read as one; a zip of no arrays, a pickle and an HDF5 file are named for what they are")
    func containersByContent() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let cases: [(String, Data, String)] = [
            ("torch.npz", ZipFileBytes.archive([ZipMemberBytes("archive/data.pkl", Data([0x80, 2])), ZipMemberBytes("archive/version", Data("3".utf8))]),
             "data.pkl is not a pickle of tensors penviz can read: the pickle ends without STOP"),
            ("notes.npz", ZipFileBytes.archive([ZipMemberBytes("readme.txt", Data("hi".utf8))]),
             "a zip archive without .npy members (it holds readme.txt), so no arrays"),
            ("model.pt", Data([0x80, 0x02, 0x8A, 0x0A]),
             "a Python pickle (torch.save's format before PyTorch 1.6, or pickle.dump), which penviz never unpickles"),
            ("acts.h5", Data([0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A, 0]), "an HDF5 file (h5py, Keras), which penviz does not read"),
        ]
        for (name, bytes, message) in cases {
            try bytes.write(to: URL(fileURLWithPath: run.path(name)))
            let result = try PenvizProcess.run(["inspect", run.path(name)])
            #expect(result.status == 1, "\(name)")
            #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("error: \(run.path(name)): \(message)"), "\(name): \(result.stderr)")
        }
        // An .npz that holds a .npy file is read as what it is.
        try NpyBytes.float64([1, 2, 3], shape: [3]).write(to: URL(fileURLWithPath: run.path("really.npz")))
        let npy = try PenvizProcess.run(["inspect", run.path("really.npz")])
        #expect(npy.status == 0 && npy.stdout.contains("float64"), "\(npy.stderr)")
    }

    @Test("class names saved as an object array say how to save them")
    func objectClassNames() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        run.write("class_names", NpyBytes.file(header: "{'descr': '|O', 'fortran_order': False, 'shape': (3,), }", data: Data([0x80, 2])))
        let result = try PenvizProcess.run(["plot", run.run.path, "--classes", "0,1,2", "--out", run.path("f.png")])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1 && result.stderr.hasPrefix("error: \(run.run.path)/class_names.npy: key 'class_names': object arrays ('|O')"), "\(result.stderr)")
        #expect(result.stderr.contains("save class names as np.array(names, dtype=str), or give --class-names FILE"))
    }

    @Test("augmented logits stacked L×N×K are read by their labels, or refused with both readings")
    func stackedAugmentedLogits() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        // Two passes of three examples, stacked passes first (2×3×3): f = z_0 − z_2 = example + pass/2.
        let values: [Double] = (0..<2).flatMap { pass in (0..<3).flatMap { x in [Double(x) + Double(pass) / 2, 0, 0] } }
        run.write("train_logits_aug", NpyBytes.float64(values, shape: [2, 3, 3]))
        let ambiguous = try PenvizProcess.run(["erasure", run.run.path, "--classes", "0,2"])
        #expect(ambiguous.status == 1 && ambiguous.stderrLines.count == 1, "\(ambiguous.stderr)")
        #expect(ambiguous.stderr.contains("as N×L×K 2 examples × 3 passes, or as L×N×K (torch.stack over the passes) 3 examples × 2 passes"))
        #expect(ambiguous.stderr.contains("--layout NLK or --layout LNK"))
        for arguments in [["--layout", "LNK"], []] {
            if arguments.isEmpty { run.write("train_logits_aug_labels", NpyBytes.int64([0, 1, 2], shape: [3])) }
            let result = try PenvizProcess.run(["erasure", run.run.path, "--classes", "0,2", "--metrics", run.path("e.json")] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            // Told from the labels, the reading is said.
            #expect(arguments.isEmpty == result.stderr.contains("read as L×N×K, 3 examples × 2 passes, since its labels number 3 examples"),
                    "\(result.stderr)")
            let entry = ((try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: run.path("e.json")))) as! [String: Any])["runs"]
                as! [[String: Any]])[0]
            // Three examples of two passes each, f = x and x + ½: σ² = 1/16.
            #expect(entry["n"] as? Int == 3 && entry["passes"] as? Int == 2, "\(entry)")
            #expect(abs((entry["variance"] as! Double) - 1.0 / 16) < 1e-15)
        }
    }

    @Test("option mistakes get messages that say what is wrong")
    func optionMessages() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let two = try PenvizProcess.run(["plot", run.run.path, "--classes", "0,2", "--out", run.path("f.png")])
        #expect(two.status == 64 && two.stderr.contains("needs three classes separated by commas, got 2"), "\(two.stderr)")
        let negative = try PenvizProcess.run(["plot", run.run.path, "--classes", "0,1,2", "--width", "-5", "--out", run.path("f.png")])
        #expect(negative.status == 64 && negative.stderr.contains("--width must lie in 72…14400, got -5"), "\(negative.stderr)")
        try Data("a\nb\n".utf8).write(to: URL(fileURLWithPath: run.path("names.txt")))
        let names = try PenvizProcess.run([
            "plot", run.run.path, "--classes", "0,1,2", "--class-names", run.path("names.txt"), "--out", run.path("f.png"),
        ])
        #expect(names.status == 1)
        #expect(names.stderrLines == ["error: \(run.path("names.txt")): 2 class names for the K = 3 classes of \(run.run.path)"], "\(names.stderr)")
        try run.remove("weight")
        let weight = try PenvizProcess.run(["plot", run.run.path, "--classes", "0,1,2", "--out", run.path("f.png")])
        #expect(weight.stderr.contains("head.weight, out.weight, W, and for a 2-d '…weight' of D = 2 columns and K = 3 rows);"
            + " name it with --weight-key, or give the model's file with --weights"), "\(weight.stderr)")
    }

    @Test("every output makes its missing folders, and a failed command leaves none behind")
    func outputFolders() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let plot = try PenvizProcess.run(["plot", run.run.path, "--classes", "0,1,2", "--out", run.path("figures/new/f.png")])
        #expect(plot.status == 0 && FileManager.default.fileExists(atPath: run.path("figures/new/f.png")), "\(plot.stderr)")
        let project = try PenvizProcess.run(["project", run.run.path, "--classes", "0,1,2", "--out", run.path("coords/p.csv")])
        #expect(project.status == 0 && FileManager.default.fileExists(atPath: run.path("coords/p.csv")), "\(project.stderr)")
        // A figure that cannot be drawn (a page too small) leaves no folder.
        let failed = try PenvizProcess.run([
            "compare", run.run.path, run.run.path, "--classes", "0,1,2", "--width", "72", "--height", "72", "--out", run.path("gone/f.png"),
        ])
        #expect(failed.status != 0)
        #expect(!FileManager.default.fileExists(atPath: run.path("gone")))
    }
}
