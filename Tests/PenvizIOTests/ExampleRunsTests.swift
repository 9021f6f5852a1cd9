import Foundation
import PenvizCore
import Testing

@testable import PenvizIO

/// The committed Fashion-MNIST runs (examples/fashion-mnist) load through
/// PenvizIO with the keys and shapes examples/README.md documents, and the
/// accuracy recomputed from their logits matches each run's JSON sidecar.
@Suite("Example runs")
struct ExampleRunsTests {
    /// The repository's examples/fashion-mnist folder, found from this file's path.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/fashion-mnist")

    static let classNames = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]

    /// The sidecar's numbers this test checks.
    struct Sidecar: Decodable {
        let alpha: Double
        let accuracy: [String: Double]
    }

    @Test("keys, dtypes and shapes are as documented", arguments: ["hard", "smoothed"])
    func keysAndShapes(name: String) throws {
        let archive = try openArchive(Self.folder.appendingPathComponent("\(name).npz").path)
        let entries = Dictionary(uniqueKeysWithValues: archive.entries.map { ($0.key, $0) })
        let expected: [(String, DType, [Int])] = [
            ("weight", .float32, [10, 128]), ("bias", .float32, [10]), ("class_names", .unicode(length: 11), [10]),
            ("label_smoothing", .float64, []),
            ("train_features", .float16, [5000, 128]), ("train_labels", .int64, [5000]), ("train_logits", .float32, [5000, 10]),
            ("val_features", .float16, [10000, 128]), ("val_labels", .int64, [10000]), ("val_logits", .float32, [10000, 10]),
            ("test_features", .float16, [10000, 128]), ("test_labels", .int64, [10000]), ("test_logits", .float32, [10000, 10]),
            ("train_logits_aug", .float32, [600, 5, 10]), ("train_logits_aug_labels", .int64, [600]),
        ]
        #expect(entries.count == expected.count)
        for (key, dtype, shape) in expected {
            let entry = try #require(entries[key], "missing \(key)")
            #expect(entry.dtype == dtype, "\(key)")
            #expect(entry.shape == shape, "\(key)")
        }
    }

    @Test("the run checks out, and accuracy from its logits matches the sidecar", arguments: ["hard", "smoothed"])
    func accuracyMatchesSidecar(name: String) throws {
        let run = try RunDiscovery().run(in: try openArchive(Self.folder.appendingPathComponent("\(name).npz").path))
        let sidecarData = try Data(contentsOf: Self.folder.appendingPathComponent("\(name).json"))
        let sidecar = try JSONDecoder().decode(Sidecar.self, from: sidecarData)

        #expect(run.classNames == Self.classNames)
        #expect(run.labelSmoothing == sidecar.alpha)
        #expect(run.splits.map(\.name) == ["train", "val", "test"])
        let augmented = try #require(try RunDiscovery().augmentedRun(in: try openArchive(Self.folder.appendingPathComponent("\(name).npz").path)))
        #expect(augmented.logits["train_logits_aug"]?.shape == [600, 5, 10])
        #expect(augmented.labels["train_logits_aug"]?.key == "train_logits_aug_labels")
        #expect(augmented.classNames == Self.classNames && augmented.labelSmoothing == sidecar.alpha)
        for split in run.splits {
            let logits = try #require(split.logits)
            var correct = 0
            for row in 0..<split.count {
                let values = logits.row(row)
                // argmax, ties to the lowest id: the first index holding the maximum.
                let best = values.indices.max { values[$0] < values[$1] || (values[$0] == values[$1] && $0 > $1) }!
                if best == split.labels[row] { correct += 1 }
            }
            let accuracy = Double(correct) / Double(split.count)
            let expected = try #require(sidecar.accuracy[split.name])
            // The sidecar rounds to four decimals.
            #expect(abs(accuracy - expected) < 5e-5, "\(name) \(split.name): \(accuracy) vs \(expected)")
        }
    }
}
