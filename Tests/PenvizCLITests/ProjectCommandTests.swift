import Foundation
import Testing

/// `penviz project` on the hand-solved run of ``RunFolder``.
///
/// Augmented templates t_cat = (0,0,0), t_dog = (2,0,0), t_owl = (0,2,2):
/// o = (2/3, 2/3, 2/3), e1 = (1,0,0), e2 = (0,1,1)/√2. An example x gives
/// x̃ = (x1, x2, 1), so p1 = x1 − 2/3 and p2 = (x2 − 2/3 + 1/3)/√2 = (x2 − 1/3)/√2.
/// Without the bias the templates are (0,0), (2,0), (0,2): o = (2/3, 2/3),
/// e1 = (1,0), e2 = (0,1), so p1 = x1 − 2/3 and p2 = x2 − 2/3.
@Suite("penviz project")
struct ProjectCommandTests {
    /// The val split's features and labels (see ``RunFolder``).
    static let features: [(Double, Double)] = [(1, 1), (2, 0), (0, 0), (5, 5)]
    static let labels = [0, 1, 0, 2]
    static let names = ["cat", "dog", "owl"]

    static func expected(noBias: Bool) -> [(Double, Double)] {
        features.map { x1, x2 in
            noBias ? (x1 - 2.0 / 3.0, x2 - 2.0 / 3.0) : (x1 - 2.0 / 3.0, (x2 - 1.0 / 3.0) / 2.0.squareRoot())
        }
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }

    @Test("CSV holds index, label, class and the hand-solved coordinates", arguments: [false, true])
    func csv(noBias: Bool) throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let out = run.path("coords.csv")
        let result = try PenvizProcess.run(
            ["project", run.run.path, "--classes", "cat,dog,owl", "--split", "val", "--out", out] + (noBias ? ["--no-bias"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == "index,label,class,p1,p2")
        #expect(lines.count == 5)
        for (row, line) in lines.dropFirst().enumerated() {
            let cells = line.split(separator: ",").map(String.init)
            #expect(cells[0] == String(row))
            #expect(cells[1] == String(Self.labels[row]))
            #expect(cells[2] == Self.names[Self.labels[row]])
            let (p1, p2) = Self.expected(noBias: noBias)[row]
            #expect(Self.close(Double(cells[3])!, p1), "row \(row) p1 \(cells[3]) vs \(p1)")
            #expect(Self.close(Double(cells[4])!, p2), "row \(row) p2 \(cells[4]) vs \(p2)")
        }
    }

    @Test("JSON carries the basis, the templates and the points")
    func json() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let out = run.path("coords.json")
        let result = try PenvizProcess.run(["project", run.run.path, "--classes", "0,1,2", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        #expect(document["split"] as? String == "val")
        #expect(document["includes_bias"] as? Bool == true)
        let basis = document["basis"] as! [String: [Double]]
        let r = 1 / 2.0.squareRoot()
        for (got, want) in zip(basis["e1"]!, [1.0, 0, 0]) { #expect(Self.close(got, want)) }
        for (got, want) in zip(basis["e2"]!, [0, r, r]) { #expect(Self.close(got, want)) }
        for got in basis["origin"]! { #expect(Self.close(got, 2.0 / 3.0)) }
        // Templates: t − o projected: cat (−2/3, −(2/3+2/3)/√2·…) computed from p = ((t−o)·e1, (t−o)·e2).
        let templates = document["templates"] as! [[String: Any]]
        let expectedTemplates: [(String, Double, Double)] = [
            ("cat", -2.0 / 3.0, (-2.0 / 3.0 - 2.0 / 3.0) * r),
            ("dog", 4.0 / 3.0, (-2.0 / 3.0 - 2.0 / 3.0) * r),
            ("owl", -2.0 / 3.0, (4.0 / 3.0 + 4.0 / 3.0) * r),
        ]
        for (template, want) in zip(templates, expectedTemplates) {
            #expect(template["name"] as? String == want.0)
            #expect(Self.close(template["p1"] as! Double, want.1))
            #expect(Self.close(template["p2"] as! Double, want.2))
        }
        #expect((document["points"] as! [Any]).count == 4)
    }

    @Test(".npy holds index, label, p1, p2 as float64")
    func npy() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let out = run.path("coords.npy")
        let result = try PenvizProcess.run(["project", run.run.path, "--classes", "dog,owl,cat", "--split", "val", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(bytes.starts(with: [0x93] + Array("NUMPY".utf8)))
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
        #expect(header.contains("'descr': '<f8'") && header.contains("'shape': (4, 4)"))
        let data = Data(bytes[(10 + headerLength)...])
        let values: [Double] = data.withUnsafeBytes { raw in
            (0..<16).map { index -> Double in
                let bits = raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
                return Double(bitPattern: UInt64(littleEndian: bits))
            }
        }
        // In the order dog, owl, cat the basis changes but distances between points do not.
        let points: [(Double, Double)] = (0..<4).map { row in (values[row * 4 + 2], values[row * 4 + 3]) }
        let reference = Self.expected(noBias: false)
        for i in 0..<4 {
            #expect(values[i * 4] == Double(i) && values[i * 4 + 1] == Double(Self.labels[i]))
            for j in 0..<4 {
                let got: Double = hypot(points[i].0 - points[j].0, points[i].1 - points[j].1)
                let want: Double = hypot(reference[i].0 - reference[j].0, reference[i].1 - reference[j].1)
                #expect(abs(got - want) < 1e-12)
            }
        }
    }

    @Test("--all-classes keeps every example; without it only the triplet's")
    func allClasses() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        // A fourth class whose template is off the plane, with one example.
        run.write("weight", NpyBytes.float64([0, 0, 2, 0, 0, 2, 3, 3], shape: [4, 2]))
        run.write("bias", NpyBytes.float64([0, 0, 2, 0], shape: [4]))
        run.write("class_names", NpyBytes.unicode(["cat", "dog", "owl", "emu"]))
        run.write("val_labels", NpyBytes.int64([0, 3, 0, 2], shape: [4]))
        for (flag, rows) in [([] as [String], 3), (["--all-classes"], 4)] {
            let out = run.path("coords\(rows).csv")
            let result = try PenvizProcess.run(["project", run.run.path, "--classes", "cat,dog,owl", "--out", out] + flag)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count == rows + 1)
        }
    }
}
