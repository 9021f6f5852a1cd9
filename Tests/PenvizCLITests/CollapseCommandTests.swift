import Foundation
import Testing

/// `penviz collapse` end to end on ``RunFolder``, whose split `val` is solved by hand:
/// features (1,1), (2,0), (0,0), (5,5) of classes cat, dog, cat, owl; templates
/// w = (0,0), (2,0), (0,2) and bias (0, 0, 2).
@Suite("penviz collapse")
struct CollapseCommandTests {
    static func object(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    @Test("prints the table, writes the JSON and the bars; the figures are those solved by hand")
    func solvedByHand() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let metrics = run.path("nc.json"), out = run.path("nc.svg")
        let result = try PenvizProcess.run(["collapse", run.run.path, run.run.path, "--labels", "a,b", "--metrics", metrics, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("has no split 'train': neural collapse is measured on 'val'"), "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3 && lines[0].hasPrefix("run  alpha  split  n  K'") && lines[1].hasPrefix("a        -  val    4   3"), "\(result.stdout)")
        let entry = (try Self.object(metrics)["runs"] as! [[String: Any]])[0]
        #expect(entry["split"] as? String == "val" && entry["n"] as? Int == 4 && entry["examples"] as? Int == 4 && entry["classes"] as? Int == 3)
        // Predictions argmax (0, 2x₁, 2x₂ + 2): owl, dog, owl, owl; nearest means (½,½), (2,0), (5,5): cat, dog, cat, owl.
        #expect(entry["nc4"] as? Double == 0.5)
        // ‖w_k‖ = 0, 2, 2: std/mean = (√(8/9)·… ) = 1/√2.
        #expect(abs((entry["nc2_equinorm_weights"] as! Double) - 0.5.squareRoot()) < 1e-15)
        // σ² = ½, 0, 0; ‖μ_cat − μ_dog‖² = 2.5, ‖μ_cat − μ_owl‖² = 40.5: cdnv = (½/5 + ½/81 + 0)/3.
        #expect(abs((entry["cdnv"] as! Double) - (0.1 + 0.5 / 81) / 3) < 1e-15)
        // nc1 = Tr(Σ_W Σ_B⁻¹)/3 with Σ_B invertible (D = 2 = K' − 1): Σ_W = ⅛·[[1,1],[1,1]], Σ_B = ⅓ Σ m mᵀ.
        let m = [[-2.0, -4.0 / 3], [-0.5, -11.0 / 6], [2.5, 19.0 / 6]]
        let b = (0..<2).map { i in (0..<2).map { j in m.reduce(0) { $0 + $1[i] * $1[j] } / 3 } }
        let determinant = b[0][0] * b[1][1] - b[0][1] * b[1][0]
        let inverse = [[b[1][1] / determinant, -b[0][1] / determinant], [-b[1][0] / determinant, b[0][0] / determinant]]
        let trace = (0..<2).reduce(0.0) { total, i in total + (0..<2).reduce(0) { $0 + 0.125 * inverse[$1][i] } }
        #expect(abs((entry["nc1"] as! Double) - trace / 3) < 1e-12, "\(entry["nc1"]!) against \(trace / 3)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && !svg.contains("label smoothing α"))
    }

    @Test("compare's JSON and the report's metrics.json carry the same figures as penviz collapse")
    func sameNumbersEverywhere() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let collapse = run.path("nc.json"), compare = run.path("compare.json"), report = run.path("report")
        #expect(try PenvizProcess.run(["collapse", run.run.path, run.run.path, "--metrics", collapse]).status == 0)
        let compared = try PenvizProcess.run([
            "compare", run.run.path, run.run.path, "--classes", "cat,dog,owl", "--out", run.path("c.png"), "--metrics", compare,
        ])
        #expect(compared.status == 0, "\(compared.stderr)")
        #expect(try PenvizProcess.run(["report", run.run.path, run.run.path, "--classes", "cat,dog,owl", "--out", report]).status == 0)
        let measured = (try Self.object(collapse)["runs"] as! [[String: Any]])[0]
        let fromCompare = (try Self.object(compare)["runs"] as! [[String: Any]])[0]["collapse"] as! [String: Any]
        let reportComparison = try Self.object(report + "/metrics.json")["comparison"] as! [String: Any]
        let fromReport = (reportComparison["runs"] as! [[String: Any]])[0]["collapse"] as! [String: Any]
        for key in ["split", "examples", "n", "classes", "nc1", "nc2_equinorm_means", "nc2_equinorm_weights", "nc2_equiangular",
                    "nc2_max_angle", "nc3", "nc4", "cdnv"] {
            #expect("\(measured[key]!)" == "\(fromCompare[key]!)" && "\(measured[key]!)" == "\(fromReport[key]!)", "\(key)")
        }
        let markdown = try String(contentsOfFile: report + "/report.md", encoding: .utf8)
        #expect(markdown.contains("## 6 Neural collapse") && markdown.contains("| `nc4` — share of examples"))
    }

    @Test("three runs of distinct α draw the figures against α")
    func sweep() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let out = run.path("nc.svg")
        let result = try PenvizProcess.run(["collapse", run.run.path, run.run.path, run.run.path, "--alpha", "0,0.1,0.2", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("<svg"))
    }

    @Test("--max-rows takes a stratified sample and says so; out of its range it is a usage error")
    func maxRows() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        run.write("train_features", NpyBytes.float64((0..<24).map { Double($0 % 5) + Double($0 / 6) }, shape: [12, 2]))
        run.write("train_labels", NpyBytes.int64((0..<12).map { $0 % 3 }, shape: [12]))
        let metrics = run.path("nc.json")
        let result = try PenvizProcess.run(["collapse", run.run.path, "--max-rows", "6", "--metrics", metrics])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("\nrun: a seeded stratified sample of 6 of the 12 rows of 'train' (--max-rows)\n"), "\(result.stdout)")
        #expect(result.stderr.contains("a seeded stratified sample of 6 of its 12 rows"))
        let entry = (try Self.object(metrics)["runs"] as! [[String: Any]])[0]
        #expect(entry["n"] as? Int == 6 && entry["examples"] as? Int == 12 && entry["classes"] as? Int == 3)
        for bad in ["1", "100000001"] {
            let refused = try PenvizProcess.run(["collapse", run.run.path, "--max-rows", bad])
            #expect(refused.status == 64 && refused.stderr.contains("--max-rows must lie in 2…100000000"), "\(refused.stderr)")
        }
    }

    @Test("a missing split, a non-finite feature: one error line, and nothing written")
    func refused() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        let metrics = run.path("nc.json")
        let missing = try PenvizProcess.run(["collapse", run.run.path, "--split", "test", "--metrics", metrics])
        #expect(missing.status == 1 && missing.stderrLines == ["error: \(run.run.path): no split 'test'; the run has val"], "\(missing.stderr)")
        run.write("val_features", NpyBytes.float64([1, 1, 2, .nan, 0, 0, 5, 5], shape: [4, 2]))
        let nonfinite = try PenvizProcess.run(["collapse", run.run.path, "--metrics", metrics])
        #expect(nonfinite.status == 1 && nonfinite.stderrLines.last?.hasPrefix("error: \(run.run.path): key 'val_features': row 1 holds a non-finite value") == true,
                "\(nonfinite.stderr)")
        #expect(!FileManager.default.fileExists(atPath: metrics))
    }

    @Test("a split of one class: every figure null, with a note")
    func oneClass() throws {
        let run = try RunFolder()
        defer { run.cleanUp() }
        run.write("val_labels", NpyBytes.int64([1, 1, 1, 1], shape: [4]))
        let metrics = run.path("nc.json")
        let result = try PenvizProcess.run(["collapse", run.run.path, "--metrics", metrics, "--out", run.path("nc.png")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("has examples of 1 class; neural collapse needs two"))
        let entry = (try Self.object(metrics)["runs"] as! [[String: Any]])[0]
        for key in ["nc1", "nc2_equinorm_means", "nc2_equinorm_weights", "nc2_equiangular", "nc2_max_angle", "nc3", "nc4", "cdnv"] {
            #expect(entry[key] is NSNull, "\(key)")
        }
    }
}
