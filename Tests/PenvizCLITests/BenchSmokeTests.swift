import Foundation
import Testing

/// A small run of the benchmark's pieces (`bench/run` itself writes ~9 GB and stays
/// out of CI): `bench/gen.c` builds and writes a seeded run, and `penviz project`
/// on it agrees with a Float64 projection computed here from the generated files.
@Suite("bench smoke")
struct BenchSmokeTests {
    /// The repository root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `arguments` (found on the PATH) and returns its exit status.
    static func shell(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The numbers of a little-endian `.npy` file of f2, f4, f8 or i8 values, as Float64.
    static func npy(_ path: String) throws -> [Double] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
        let data = Array(bytes[(10 + headerLength)...])
        func word(_ i: Int, _ size: Int) -> UInt64 {
            (0..<size).reduce(0) { $0 | UInt64(data[i * size + $1]) << (8 * $1) }
        }
        if header.contains("'<f2'") { return (0..<(data.count / 2)).map { Double(Float16(bitPattern: UInt16(word($0, 2)))) } }
        if header.contains("'<f4'") { return (0..<(data.count / 4)).map { Double(Float(bitPattern: UInt32(word($0, 4)))) } }
        if header.contains("'<i8'") { return (0..<(data.count / 8)).map { Double(Int64(bitPattern: word($0, 8))) } }
        return (0..<(data.count / 8)).map { Double(bitPattern: word($0, 8)) }
    }

    @Test("the generator's run projects as a Float64 reference does", arguments: ["f32", "f16"])
    func generatedRunProjects(dtype: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("penviz-bench-smoke-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let gen = folder.appendingPathComponent("gen").path, run = folder.appendingPathComponent("run").path
        let out = folder.appendingPathComponent("coords.npy").path
        #expect(try Self.shell(["cc", "-O2", "-o", gen, Self.root.appendingPathComponent("bench/gen.c").path]) == 0)
        // 3000 rows of D = 37 in 5 classes: several streaming chunks, lanes and a tail.
        #expect(try Self.shell([gen, run, "3000", "37", "5", dtype, "42"]) == 0)
        let result = try PenvizProcess.run(["project", run, "--classes", "0,1,2", "--all-classes", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")

        // The plane of DESIGN §2 from the files, in Float64: t_k = [w_k, b_k], o, e1, e2.
        let weight = try Self.npy(run + "/weight.npy"), bias = try Self.npy(run + "/bias.npy")
        let features = try Self.npy(run + "/train_features.npy"), labels = try Self.npy(run + "/train_labels.npy")
        let d = 37
        let t = (0..<3).map { k in Array(weight[(k * d)..<((k + 1) * d)]) + [bias[k]] }
        let o = (0...d).map { (t[0][$0] + t[1][$0] + t[2][$0]) / 3 }
        func dot(_ x: [Double], _ y: [Double]) -> Double { zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } }
        let u1 = zip(t[1], t[0]).map(-), u2 = zip(t[2], t[0]).map(-)
        let e1 = u1.map { $0 / dot(u1, u1).squareRoot() }
        var v = zip(u2, e1).map { $0 - dot(u2, e1) * $1 }
        v = zip(v, e1).map { $0 - dot(v, e1) * $1 }
        let e2 = v.map { $0 / dot(v, v).squareRoot() }

        let table = try Self.npy(out)
        #expect(table.count == 3000 * 4)
        for row in 0..<3000 {
            let x = Array(features[(row * d)..<((row + 1) * d)]) + [1]
            let centred = zip(x, o).map(-)
            #expect(table[row * 4] == Double(row))
            #expect(table[row * 4 + 1] == labels[row])
            for (value, e) in [(table[row * 4 + 2], e1), (table[row * 4 + 3], e2)] {
                let expected = dot(centred, e)
                #expect(abs(value - expected) <= 1e-9 * max(1, abs(expected)), "row \(row): \(value) vs \(expected)")
            }
        }
    }
}
