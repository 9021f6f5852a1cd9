import Foundation
import Testing

/// `penviz plot` end to end: every format is written, is what its extension
/// says, and is byte-identical when drawn again by a new process.
@Suite("penviz plot")
struct PlotCommandTests {
    /// A run with a train and a val split, so the figure has two panels.
    static func twoSplitRun() throws -> RunFolder {
        let run = try RunFolder()
        run.write("train_features", NpyBytes.float64([0.1, 0.2, 1.9, 0.1, 0.2, 1.8, 3, 3], shape: [4, 2]))
        run.write("train_labels", NpyBytes.int64([0, 1, 2, 2], shape: [4]))
        return run
    }

    static let signatures: [String: [UInt8]] = [
        "png": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        "svg": Array("<?xml".utf8),
        "pdf": Array("%PDF-".utf8),
    ]

    @Test("each format is written and identical across processes", arguments: ["png", "svg", "pdf"])
    func deterministic(format: String) throws {
        let run = try Self.twoSplitRun()
        defer { run.cleanUp() }
        var outputs: [Data] = []
        for attempt in 0..<2 {
            let out = run.path("fig\(attempt).\(format)")
            let result = try PenvizProcess.run(["plot", run.run.path, "--classes", "cat,dog,owl", "--out", out])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        #expect(outputs[0].starts(with: Self.signatures[format]!))
        #expect(outputs[0] == outputs[1])
    }

    @Test("the SVG holds one mark per point of the two splits")
    func svgPointCount() throws {
        let run = try Self.twoSplitRun()
        defer { run.cleanUp() }
        let out = run.path("fig.svg")
        let result = try PenvizProcess.run(["plot", run.run.path, "--classes", "cat,dog,owl", "--splits", "train,val", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        // train: 4 examples of the triplet; val: 4. Each point is painted as one <use> of its
        // class's marker surface; templates, legend and text are paths and glyphs.
        let pointMarks = svg.components(separatedBy: "<use xlink:href=\"#surface").count - 1
        #expect(pointMarks == 8)
        #expect(svg.contains("<svg"))
    }

    @Test("--per-class draws a seeded sample: the same seed gives the same figure")
    func perClassSeed() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let features = (0..<60).flatMap { i in [Double(i % 7), Double(i % 5)] }
        run.write("val_features", NpyBytes.float64(features, shape: [60, 2]))
        run.write("val_labels", NpyBytes.int64((0..<60).map { $0 % 3 }, shape: [60]))
        func draw(_ name: String, seed: Int) throws -> Data {
            let out = run.path(name)
            let result = try PenvizProcess.run(
                ["plot", run.run.path, "--classes", "0,1,2", "--per-class", "5", "--seed", String(seed), "--out", out])
            #expect(result.status == 0, "\(result.stderr)")
            return try Data(contentsOf: URL(fileURLWithPath: out))
        }
        let first = try draw("a.svg", seed: 7)
        #expect(try draw("b.svg", seed: 7) == first)
        #expect(try draw("c.svg", seed: 8) != first)
        #expect(String(decoding: first, as: UTF8.self).components(separatedBy: "<use xlink:href=\"#surface").count - 1 == 15)
    }

    @Test("an unknown figure extension is a usage error and writes nothing")
    func unknownExtension() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["plot", run.run.path, "--classes", "0,1,2", "--out", run.path("fig.jpg")])
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 1 && result.stderr.contains(".jpg"))
        #expect(!FileManager.default.fileExists(atPath: run.path("fig.jpg")))
    }

    @Test("a missing split is an input error naming the run's splits")
    func missingSplit() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(["plot", run.run.path, "--classes", "0,1,2", "--splits", "test", "--out", run.path("f.png")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no split 'test'") && result.stderr.contains("val"))
    }
}
