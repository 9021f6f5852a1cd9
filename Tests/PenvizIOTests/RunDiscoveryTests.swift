import Foundation
import PenvizCore
import Testing

@testable import PenvizIO

/// Run discovery: canonical keys, aliases, explicit overrides and split order.
@Suite("Run discovery")
struct RunDiscoveryTests {
    /// An archive held in memory: float64 arrays by key.
    struct MemoryArchive: ArrayArchive {
        let path = "memory.npz"
        var arrays: [String: ArrayView] = [:]
        var order: [String] = []

        mutating func add(_ key: String, _ values: [Double], _ shape: [Int]) {
            let storage = ByteStorage(count: values.count * 8) { bytes in
                for (i, value) in values.enumerated() { bytes.storeBytes(of: value, toByteOffset: i * 8, as: Double.self) }
            }
            arrays[key] = try! ArrayView(shape: shape, dtype: .float64, byteOrder: .host, storage: storage)
            order.append(key)
        }

        var entries: [ArrayEntry] {
            order.map { ArrayEntry(key: $0, storedType: "<f8", dtype: .float64, shape: arrays[$0]!.shape, byteCount: arrays[$0]!.byteCount) }
        }

        func array(_ key: String) throws -> ArrayView {
            guard let array = arrays[key] else { throw PenvizError.input(path, key: key, "missing") }
            return array
        }
    }

    /// K = 3, D = 2 weights under `weightKey`, and the given splits with two examples each.
    static func archive(weightKey: String, biasKey: String?, splitKeys: [String]) -> MemoryArchive {
        var archive = MemoryArchive()
        archive.add(weightKey, [1, 0, 0, 1, 1, 1], [3, 2])
        if let biasKey { archive.add(biasKey, [0.5, -0.5, 2], [3]) }
        for key in splitKeys {
            let separator = key.contains("/") ? "/" : "_"
            let split = String(key.split(separator: Character(separator)).first!)
            archive.add("\(split)\(separator)features", [1, 2, 3, 4], [2, 2])
            archive.add("\(split)\(separator)labels", [0, 2], [2])
        }
        return archive
    }

    @Test("weight and bias aliases, with the bias of the weight's own layer preferred", arguments: [
        ("weight", "bias"), ("fc.weight", "fc.bias"), ("classifier.weight", "classifier.bias"),
        ("head.weight", "head.bias"), ("out.weight", "out.bias"), ("W", "b"),
    ])
    func aliases(weightKey: String, biasKey: String) throws {
        var archive = Self.archive(weightKey: weightKey, biasKey: biasKey, splitKeys: ["val"])
        if weightKey != "W" { archive.add("b", [9, 9, 9], [3]) }  // a decoy that must lose to the layer's own bias
        let run = try RunDiscovery().run(in: archive)
        #expect(run.weight == Matrix([[1, 0], [0, 1], [1, 1]]))
        #expect(run.bias == [0.5, -0.5, 2])
        #expect(run.hasStoredBias)
    }

    @Test("a run without a bias gets zeros and a note saying so")
    func missingBias() throws {
        let run = try RunDiscovery().run(in: Self.archive(weightKey: "weight", biasKey: nil, splitKeys: ["val"]))
        #expect(run.bias == [0, 0, 0])
        #expect(!run.hasStoredBias)
        #expect(run.notes.contains { $0.contains("no bias") })
    }

    @Test("splits come in the order train, val, test, then the rest by name; S/features works too")
    func splitOrder() throws {
        let archive = Self.archive(weightKey: "weight", biasKey: "bias", splitKeys: ["zeta", "test/x", "alpha", "train", "val/x"])
        let run = try RunDiscovery().run(in: archive)
        #expect(run.splits.map(\.name) == ["train", "val", "test", "alpha", "zeta"])
        #expect(run.split(named: "test")?.labels == [0, 2])
    }

    @Test("explicit keys override the search")
    func explicitKeys() throws {
        var archive = Self.archive(weightKey: "weight", biasKey: "bias", splitKeys: ["val"])
        archive.add("probe.W", [2, 0, 0, 2, 2, 2], [3, 2])
        archive.add("emb", [5, 6], [1, 2])
        archive.add("emb_y", [1], [1])
        let keys = RunKeys(weight: "probe.W", features: "emb", labels: "emb_y")
        let run = try RunDiscovery(keys: keys).run(in: archive)
        #expect(run.weight == Matrix([[2, 0], [0, 2], [2, 2]]))
        #expect(run.splits.map(\.name) == ["emb"])
        #expect(run.splits[0].labels == [1])
    }

    @Test("an explicit key that is not there names the key and the flag")
    func explicitKeyMissing() {
        let archive = Self.archive(weightKey: "weight", biasKey: "bias", splitKeys: ["val"])
        #expect(throws: PenvizError.input("memory.npz", key: "nope", "no such array (given with --weight-key); `penviz inspect memory.npz` lists the keys")) {
            try RunDiscovery(keys: RunKeys(weight: "nope")).run(in: archive)
        }
    }

    @Test("class names from a file: one a line, or a JSON array")
    func classNamesFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("penviz-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = directory.appendingPathComponent("names.txt").path
        let json = directory.appendingPathComponent("names.json").path
        let latin1 = directory.appendingPathComponent("latin1.txt").path
        FileManager.default.createFile(atPath: lines, contents: Data("tench\r\nmeerkat\ncleaver\n\n".utf8))
        FileManager.default.createFile(atPath: json, contents: Data(#"["toy poodle", "miniature poodle", "tench"]"#.utf8))
        FileManager.default.createFile(atPath: latin1, contents: Data([0x63, 0x61, 0x66, 0xE9, 0x0A]))
        #expect(try ClassNamesFile.read(lines) == ["tench", "meerkat", "cleaver"])
        #expect(try ClassNamesFile.read(json) == ["toy poodle", "miniature poodle", "tench"])
        #expect(throws: PenvizError.input(latin1, "class names are not valid UTF-8")) { try ClassNamesFile.read(latin1) }
        // A byte-order mark (EF BB BF) before the first name, as Windows editors write it, is not part of it.
        let marked = directory.appendingPathComponent("marked.txt").path
        let markedJSON = directory.appendingPathComponent("marked.json").path
        FileManager.default.createFile(atPath: marked, contents: Data([0xEF, 0xBB, 0xBF] + Array("tench\ngoldfish\n".utf8)))
        FileManager.default.createFile(atPath: markedJSON, contents: Data([0xEF, 0xBB, 0xBF] + Array(#"["tench"]"#.utf8)))
        #expect(try ClassNamesFile.read(marked) == ["tench", "goldfish"])
        #expect(try ClassNamesFile.read(markedJSON) == ["tench"])

        let archive = Self.archive(weightKey: "weight", biasKey: "bias", splitKeys: ["val"])
        let run = try RunDiscovery(classNamesFile: json).run(in: archive)
        #expect(run.classNames == ["toy poodle", "miniature poodle", "tench"])
        #expect(try run.classID(for: "tench") == 2)
        #expect(try run.classID(for: "Toy Poodle") == 0)
        #expect(try run.classID(for: "1") == 1)
    }

    @Test("--drop-nonfinite drops the bad rows and remembers the file rows")
    func dropNonfinite() throws {
        var archive = Self.archive(weightKey: "weight", biasKey: "bias", splitKeys: [])
        archive.add("val_features", [1, 2, .nan, 4, 5, 6], [3, 2])
        archive.add("val_labels", [0, 1, 2], [3])
        #expect(throws: PenvizError.self) { try RunDiscovery().run(in: archive) }
        let run = try RunDiscovery(dropNonfinite: true).run(in: archive)
        let split = try #require(run.split(named: "val"))
        #expect(split.labels == [0, 2])
        #expect(split.keptFileRows == [0, 2])
        #expect([0, 1].map(split.fileRow) == [0, 2])
        #expect(split.features.row(1) == [5, 6])
        #expect(run.notes.contains { $0.contains("dropped 1 rows") })
    }
}
