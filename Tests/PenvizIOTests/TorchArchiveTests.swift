import Foundation
import PenvizCore
import Testing

@testable import PenvizIO

/// `TorchArchive` on files written by real `torch.save` (scripts/make-torch-fixtures),
/// each checked against an `.npz` of the same arrays written by NumPy: the same
/// values to the last bit, whatever layout torch stored them in.
@Suite("PyTorch files")
struct TorchArchiveTests {
    static func archive(_ name: String) throws -> TorchArchive {
        try TorchArchive(path: Fixtures.path("torch/\(name)"))
    }

    /// Every array of `npz` read from `pt` under the same key: same shape, same bits.
    static func expectSameArrays(_ pt: String, _ npz: String) throws {
        let torch = try archive(pt), numpy = try NpzArchive(path: Fixtures.path("torch/\(npz)"))
        #expect(!numpy.entries.isEmpty)
        for entry in numpy.entries {
            let expected = try numpy.array(entry.key), read = try torch.array(entry.key)
            #expect(read.shape == expected.shape, "\(pt): \(entry.key)")
            #expect(read.doubles().map(\.bitPattern) == expected.doubles().map(\.bitPattern), "\(pt): \(entry.key)")
        }
    }

    @Test("a dict of tensors as a forward hook collects it: every array as NumPy saved it, names and α too")
    func hookRun() throws {
        try Self.expectSameArrays("hook_run.pt", "hook_run.npz")
        let file = try Self.archive("hook_run.pt")
        #expect(file.entries.map(\.key) == [
            "weight", "bias", "train_features", "train_labels", "train_logits", "val_features", "val_labels", "val_logits",
            "train_logits_aug", "train_logits_aug_labels", "class_names", "label_smoothing",
        ])
        #expect(try file.array("class_names").strings() == ["cat", "dog", "owl"])
        let alpha = try file.array("label_smoothing")
        #expect(alpha.shape == [] && alpha.doubles() == [0.1])
    }

    @Test("every layout torch writes: transposed, strided, offset, shared storages, every float and integer type")
    func views() throws {
        try Self.expectSameArrays("views.pt", "views.npz")
        let file = try Self.archive("views.pt")
        // bfloat16 has no NumPy type: the script saved its values as float32, exact.
        #expect(try file.array("bf16").doubles() == NpzArchive(path: Fixtures.path("torch/views_bf16.npz")).array("bf16").doubles())
        // A transposed view is read in place, column-major; a strided one is copied.
        #expect(try file.array("transposed").isFortranOrder)
        #expect(try file.array("f16").dtype == .float16 && file.array("bf16").dtype == .bfloat16)
    }

    @Test("three views of one storage: the whole, its transpose in place, every other column copied")
    func sharedStorage() throws {
        try Self.expectSameArrays("shared_storage.pt", "shared_storage.npz")
        let file = try Self.archive("shared_storage.pt")
        #expect(try file.array("columns").doubles() == (0..<4).flatMap { row in [0, 2].map { Double(4 * row + $0) / 4 } })
    }

    @Test("an expanded view repeats its storage's elements: refused when read, with what to do")
    func expandedView() throws {
        let file = try Self.archive("views.pt")
        #expect(file.entries.contains { $0.key == "expanded" && $0.shape == [4, 3] })
        let error = try #require(throws: PenvizError.self) { try file.array("expanded") }
        #expect(error.message.contains("key 'expanded'") && error.message.contains("t.contiguous()"))
    }

    @Test("a state_dict of a CNN reads as NumPy saved it; a training checkpoint nests it under dotted keys")
    func checkpoints() throws {
        try Self.expectSameArrays("cnn_state_dict.pt", "cnn_state_dict.npz")
        let checkpoint = try Self.archive("checkpoint.pth")
        let keys = Set(checkpoint.entries.map(\.key))
        for key in ["model.fc.weight", "model.bn.running_var", "optimizer.state.0.momentum_buffer", "epoch", "best_acc",
                    "optimizer.param_groups.0.lr", "optimizer.param_groups.0.params"] {
            #expect(keys.contains(key), "\(key)")
        }
        let state = try NpzArchive(path: Fixtures.path("torch/cnn_state_dict.npz"))
        #expect(try checkpoint.array("model.fc.weight").doubles() == state.array("fc.weight").doubles())
        #expect(try checkpoint.array("epoch").doubles() == [12])
        #expect(try checkpoint.array("optimizer.param_groups.0.params").doubles() == [0, 1, 2, 3, 4, 5])
    }

    @Test("a ResNet-18 state_dict of 122 tensors, its fc among them")
    func resnet() throws {
        let file = try Self.archive("resnet18.pt")
        #expect(file.entries.count == 122)
        let run = try NpzArchive(path: Fixtures.path("torch/resnet18_run.npz"))
        #expect(try file.array("fc.weight").doubles() == run.array("weight").doubles())
        #expect(try file.array("fc.weight").shape == [5, 16])
    }

    @Test("a big-endian file reads the same numbers")
    func bigEndian() throws {
        let file = try Self.archive("big_endian.pt")
        #expect(try file.array("f64").doubles() == Formula.values("f8", shape: [3, 4]))
        #expect(try file.array("i32").doubles() == [-3, -2, -1, 0, 1, 2])
    }

    @Test("torch's older formats are refused with the way to re-save, not read")
    func oldFormats() throws {
        let legacy = try #require(throws: PenvizError.self) { try openArchive(Fixtures.path("torch/legacy.pt")) }
        #expect(legacy.message.contains("before PyTorch 1.6") && legacy.message.contains("torch.save(torch.load(PATH), 'new.pt')"))
        let scripted = try #require(throws: PenvizError.self) { try openArchive(Fixtures.path("torch/scripted.pt")) }
        #expect(scripted.message.contains("TorchScript") && scripted.message.contains("state_dict()"))
    }

    @Test("openArchive reads .pt and .pth by content, and a torch zip named .npz as what it is")
    func opening() throws {
        let folder = try TemporaryFolder()
        let renamed = folder.path + "/run.npz"
        try FileManager.default.copyItem(atPath: Fixtures.path("torch/hook_run.pt"), toPath: renamed)
        for path in [Fixtures.path("torch/hook_run.pt"), Fixtures.path("torch/checkpoint.pth"), renamed] {
            #expect(try openArchive(path) is TorchArchive, "\(path)")
        }
        #expect(try openArchive(Fixtures.path("torch/hook_run.npz")) is NpzArchive)
    }
}
