import Foundation
import Testing

/// `penviz inspect` on files real clients wrote (the IO fixtures made by NumPy
/// and the safetensors package), and `penviz project` on a safetensors run
/// built byte by byte here.
@Suite("penviz inspect")
struct InspectCommandTests {
    /// Tests/PenvizIOTests/Fixtures, found from this file's path.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PenvizIOTests/Fixtures")

    /// The table's data lines as [key, stored type, shape, bytes].
    static func rows(_ output: String) -> [String: [String]] {
        var rows: [String: [String]] = [:]
        for line in output.split(separator: "\n").dropFirst(2) {
            let cells = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            rows[cells[0]] = cells
        }
        return rows
    }

    @Test("lists a safetensors file's arrays with dtype, shape and bytes")
    func safetensors() throws {
        let path = Self.fixtures.appendingPathComponent("safetensors/numeric.safetensors").path
        let result = try PenvizProcess.run(["inspect", path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = Self.rows(result.stdout)
        // shape 3×4 of 2-byte halves: 24 bytes; a 0-d float32: 4 bytes; a 0×4 array: none.
        #expect(rows["f16"] == ["f16", "F16", "(float16)", "3×4", "24"])
        #expect(rows["scalar"] == ["scalar", "F32", "(float32)", "()", "4"])
        #expect(rows["empty"] == ["empty", "F32", "(float32)", "0×4", "0"])
        #expect(rows["u64"] == ["u64", "U64", "(uint64)", "3×4", "96"])
    }

    @Test("lists the same arrays for an npz from np.savez and from np.savez_compressed, and a folder of .npy")
    func npzAndFolder() throws {
        var tables: [[String: [String]]] = []
        for name in ["stored.npz", "deflated.npz"] {
            let result = try PenvizProcess.run(["inspect", Self.fixtures.appendingPathComponent("npz/\(name)").path])
            #expect(result.status == 0, "\(result.stderr)")
            tables.append(Self.rows(result.stdout))
        }
        #expect(tables[0] == tables[1])
        // 3×4 float32 = 48 bytes; a big-endian float64 3×4 = 96; five '<U10' strings = 5 × 10 × 4 bytes.
        #expect(tables[0]["train/features"] == ["train/features", "<f4", "(float32)", "3×4", "48"])
        #expect(tables[0]["weight"] == ["weight", ">f8", "(float64)", "3×4", "96"])
        #expect(tables[0]["class_names"] == ["class_names", "<U10", "(str[10])", "5", "200"])
        let folder = try PenvizProcess.run(["inspect", Self.fixtures.appendingPathComponent("dir_run").path])
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(Self.rows(folder.stdout)["class_names"] != nil)
    }

    /// A safetensors file: the JSON header, padded, then the tensors' bytes.
    static func safetensors(_ tensors: [(name: String, dtype: String, shape: [Int], bytes: [UInt8])]) -> Data {
        var entries: [String] = []
        var data: [UInt8] = []
        for tensor in tensors {
            entries.append(#""\#(tensor.name)":{"dtype":"\#(tensor.dtype)","shape":\#(tensor.shape),"data_offsets":[\#(data.count),\#(data.count + tensor.bytes.count)]}"#)
            data += tensor.bytes
        }
        var header = Array("{\(entries.joined(separator: ","))}".utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        var file = withUnsafeBytes(of: UInt64(header.count).littleEndian, Array.init)
        file += header + data
        return Data(file)
    }

    static func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        values.flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) }
    }

    @Test("project reads a safetensors run with fc.* aliases, S/features keys and bfloat16 features")
    func projectSafetensors() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        // bfloat16 is the top half of a float32: 1.0 = 0x3F80, 2.0 = 0x4000, 5.0 = 0x40A0, 0 = 0.
        let bf16: [UInt16] = [0x3F80, 0x3F80, 0x4000, 0, 0, 0, 0x40A0, 0x40A0]
        let file = Self.safetensors([
            ("fc.weight", "F32", [3, 2], Self.littleEndian([0, 0, 2, 0, 0, 2].map { Float($0).bitPattern })),
            ("fc.bias", "F32", [3], Self.littleEndian([0, 0, 2].map { Float($0).bitPattern })),
            ("val/features", "BF16", [4, 2], Self.littleEndian(bf16)),
            ("val/labels", "I64", [4], Self.littleEndian([0, 1, 0, 2] as [Int64])),
        ])
        let path = run.path("run.safetensors")
        FileManager.default.createFile(atPath: path, contents: file)
        let out = run.path("coords.csv")
        let result = try PenvizProcess.run(["project", path, "--classes", "0,1,2", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        // The same hand-solved plane as ProjectCommandTests: p1 = x1 − 2/3, p2 = (x2 − 1/3)/√2.
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").dropFirst()
        let features: [(Double, Double)] = [(1, 1), (2, 0), (0, 0), (5, 5)]
        for (line, x) in zip(lines, features) {
            let cells = line.split(separator: ",")
            #expect(abs(Double(cells[3])! - (x.0 - 2.0 / 3.0)) < 1e-12)
            #expect(abs(Double(cells[4])! - (x.1 - 1.0 / 3.0) / 2.0.squareRoot()) < 1e-12)
        }
        #expect(lines.count == 4)
    }
}
