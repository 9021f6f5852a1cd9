import Foundation
import PenvizCore
import Testing

@testable import PenvizIO

/// Finding the augmented logits of a run for information erasure: only those
/// arrays are needed, with their labels, the class names and α.
@Suite("Augmented run discovery")
struct AugmentedRunDiscoveryTests {
    typealias MemoryArchive = RunDiscoveryTests.MemoryArchive

    /// `S_logits_aug` of `examples` × 2 passes × K = 3 for each split name in `splits`.
    static func archive(splits: [String], examples: Int = 4) -> MemoryArchive {
        var archive = MemoryArchive()
        for split in splits {
            archive.add("\(split)_logits_aug", (0..<(examples * 6)).map(Double.init), [examples, 2, 3])
        }
        return archive
    }

    @Test("logits alone: K from their last axis, ids as names, no labels")
    func logitsAlone() throws {
        let run = try #require(try RunDiscovery().augmentedRun(in: Self.archive(splits: ["train", "val"])))
        #expect(run.logits.keys.sorted() == ["train_logits_aug", "val_logits_aug"])
        #expect(run.classNames == ["0", "1", "2"] && run.labelSmoothing == nil && run.labels.isEmpty)
        #expect(run.source == "memory.npz" && run.name == "memory")
    }

    @Test("KEY_labels first; else the split's labels when they number the same examples")
    func labels() throws {
        var archive = Self.archive(splits: ["train", "val", "test"])
        archive.add("train_logits_aug_labels", [0, 1, 2, 0], [4])
        archive.add("train_labels", [2, 2, 2, 2], [4])   // loses to train_logits_aug_labels
        archive.add("val_labels", [1, 1, 0, 0], [4])     // the same four examples: used
        archive.add("test_labels", [1, 1, 0, 0, 2], [5]) // another set of examples: not used
        let run = try #require(try RunDiscovery().augmentedRun(in: archive))
        #expect(run.labels.mapValues(\.key) == ["train_logits_aug": "train_logits_aug_labels", "val_logits_aug": "val_labels"])
    }

    @Test("class names and α are read and checked; K must agree")
    func namesAndAlpha() throws {
        var archive = Self.archive(splits: ["train"])
        archive.add("label_smoothing", [0.1], [])
        let named = try RunDiscovery(classNamesFile: nil).augmentedRun(in: archive)
        #expect(named?.labelSmoothing == 0.1)
        archive.add("val_logits_aug", Array(repeating: 0, count: 8), [2, 2, 2])
        #expect(throws: PenvizError(
            .input, "memory.npz: key 'val_logits_aug': augmented logits must be N×L×K with K = 3, got shape [2, 2, 2] (K from train_logits_aug)"
        )) { try RunDiscovery().augmentedRun(in: archive) }
    }

    @Test("an array of two axes, or of no class, is refused with its shape")
    func badShapes() throws {
        var flat = MemoryArchive()
        flat.add("train_logits_aug", Array(repeating: 0, count: 8), [4, 2])
        #expect(throws: PenvizError(.input, "memory.npz: key 'train_logits_aug': augmented logits must be N×L×K (three axes), got shape [4, 2]")) {
            try RunDiscovery().augmentedRun(in: flat)
        }
        var empty = MemoryArchive()
        empty.add("train_logits_aug", [], [4, 2, 0])
        #expect(throws: PenvizError(
            .input, "memory.npz: key 'train_logits_aug': augmented logits must be N×L×K with K = 0 (at least one class), got shape [4, 2, 0]"
                + " (K from train_logits_aug)"
        )) { try RunDiscovery().augmentedRun(in: empty) }
    }

    @Test("no augmented logits: nil")
    func none() throws {
        #expect(try RunDiscovery().augmentedRun(in: RunDiscoveryTests.archive(weightKey: "weight", biasKey: nil, splitKeys: ["val"])) == nil)
    }
}
