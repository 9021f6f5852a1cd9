import Foundation
import Testing

/// `penviz compare` end to end on the hand-solved run of ``RunFolder``.
///
/// Templates t_cat = (0,0,0), t_dog = (2,0,0), t_owl = (0,2,2); split `val` has
/// x = (1,1), (2,0), (0,0), (5,5) with labels cat, dog, cat, owl and no logits, so
/// penviz computes z = (0, 2x₁, 2x₂ + 2). Every expected number below is worked
/// out by hand in Float64, independently of penviz.
@Suite("penviz compare")
struct CompareCommandTests {
    static func close(_ value: Any?, _ expected: Double) -> Bool {
        guard let value = value as? Double else { return false }
        return abs(value - expected) <= 1e-12 * max(1, abs(expected))
    }

    /// Two copies of the hand-solved run; the second stores label smoothing α = 0.1.
    static func runs() throws -> (RunFolder, RunFolder) {
        let hard = try RunFolder(), smoothed = try RunFolder()
        smoothed.write("label_smoothing", NpyBytes.float64([0.1], shape: []))
        return (hard, smoothed)
    }

    @Test("two runs: exit 0, the figure and the JSON are written, the table goes to stdout")
    func writesFigureAndMetrics() throws {
        let (hard, smoothed) = try Self.runs()
        defer { hard.cleanUp(); smoothed.cleanUp() }
        let figure = hard.path("compare.svg"), metrics = hard.path("metrics.json")
        let result = try PenvizProcess.run([
            "compare", hard.run.path, smoothed.run.path, "--labels", "hard,smoothed", "--classes", "cat,dog,owl",
            "--out", figure, "--metrics", metrics,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: figure))
        let svg = try String(contentsOfFile: figure, encoding: .utf8)
        #expect(svg.contains("<svg"))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("run ") == true)
        #expect(lines.contains { $0.hasPrefix("hard ") && $0.contains(" val ") })
        #expect(lines.contains { $0.hasPrefix("given: cat (0), dog (1), owl (2)") })

        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metrics))) as! [String: Any]
        #expect(document["schema_version"] as? Int == 1)
        let runs = document["runs"] as! [[String: Any]]
        #expect(runs.map { $0["label"] as? String } == ["hard", "smoothed"])
        #expect(runs[0]["alpha"] is NSNull)
        #expect(Self.close(runs[1]["alpha"], 0.1))
        #expect(runs.allSatisfy { $0["K"] as? Int == 3 && $0["D"] as? Int == 2 })
        let triplets = document["triplets"] as! [[String: Any]]
        #expect(triplets.map { $0["kind"] as? String } == ["given"])
        #expect((triplets[0]["panels"] as! [Any]).count == 2)
    }

    @Test("the JSON's numbers match a Float64 computation by hand")
    func independentNumbers() throws {
        let (hard, smoothed) = try Self.runs()
        defer { hard.cleanUp(); smoothed.cleanUp() }
        let metrics = hard.path("metrics.json")
        let result = try PenvizProcess.run([
            "compare", hard.run.path, smoothed.run.path, "--classes", "0,1,2", "--out", hard.path("c.png"), "--metrics", metrics,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metrics))) as! [String: Any]
        let runs = document["runs"] as! [[String: Any]]
        for (index, run) in runs.enumerated() {
            let split = (run["splits"] as! [[String: Any]])[0]
            #expect(split["name"] as? String == "val" && split["n"] as? Int == 4 && split["logits"] as? String == "computed")
            // z rows (y): (0,2,4; 0) (0,4,2; 1) (0,0,2; 0) (0,10,12; 2)
            // gaps −3, 3, −1, 7; wrong-logit stds 1, 1, 1, 5; argmax 2, 1, 2, 2 → two right
            #expect(Self.close(split["gap"], 1.5))
            #expect(Self.close(split["incorrect_spread"], 2))
            #expect(Self.close(split["accuracy"], 0.5))
            // μ_cat = (0.5, 0.5), μ_dog = (2, 0), μ_owl = (5, 5); Σ‖x − μ_y‖² = 0.5 + 0.5
            #expect(Self.close(split["within"], 0.5))
            let between = (2.5.squareRoot() + 40.5.squareRoot() + 34.0.squareRoot()) / 3
            #expect(Self.close(split["between"], between))
            #expect(Self.close(split["cluster_ratio"], 0.5 / between))
            // x̃ = (x, 1): excess squared distances (0,0) (4,8) (4,4) (16,0): stds 0,2,0,8; means 0,6,4,8
            #expect(Self.close(split["distance_cv"], 10.0 / 18))
            if index == 0 {
                #expect(split["ls_gap"] is NSNull)
            } else {
                #expect(Self.close(split["ls_gap"], log(28)))  // ((1 − 0.1)·3 + 0.1)/0.1 = 28
            }
        }
        // p = (x₁ − 2/3, (x₂ − 1/3)/√2): cats at (1,1) and (0,0) lie 1 apart along e1 and 1/√2
        // along e2, each half of that from their centroid: spread √((1 + 1/2)/4); dog and owl have one point.
        let panel = ((document["triplets"] as! [[String: Any]])[0]["panels"] as! [[String: Any]])[0]
        let spreads = panel["spreads"] as! [[String: Any]]
        #expect(spreads.map { $0["n"] as? Int } == [2, 1, 1])
        #expect(Self.close(spreads[0]["spread"], (1.5 / 4).squareRoot()))
        #expect(Self.close(spreads[1]["spread"], 0))
        let separation = (2 + 8.0.squareRoot() + 12.0.squareRoot()) / 3
        #expect(Self.close(panel["separation"], separation))
        #expect(Self.close(panel["tightness"], (1.5 / 4).squareRoot() / 3 / separation))
    }

    @Test("without --classes or --auto the rows are the automatic similar, mixed and different triplets")
    func defaultRows() throws {
        let (hard, smoothed) = try Self.runs()
        defer { hard.cleanUp(); smoothed.cleanUp() }
        let metrics = hard.path("m.json")
        let result = try PenvizProcess.run(["compare", hard.run.path, smoothed.run.path, "--out", hard.path("c.pdf"), "--metrics", metrics])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metrics))) as! [String: Any]
        let triplets = document["triplets"] as! [[String: Any]]
        #expect(triplets.map { $0["kind"] as? String } == ["similar", "mixed", "different"])
        // K = 3 has one triplet. val's logits (0, 2x₁, 2x₂ + 2) confuse cat with owl most, so mixed is (cat, owl) and dog.
        #expect(triplets.map { $0["ids"] as? [Int] } == [[0, 1, 2], [0, 2, 1], [0, 1, 2]])
        #expect(triplets.allSatisfy { ($0["reason"] as? String)?.contains("on val") == true })
        // Both runs are folders named `run`: their labels are told apart.
        #expect((document["runs"] as! [[String: Any]]).map { $0["label"] as? String } == ["run", "run 2"])
    }

    @Test("runs with different K: exit 1, one error line naming both, nothing written")
    func mismatchedClassCount() throws {
        let (hard, other) = try Self.runs()
        defer { hard.cleanUp(); other.cleanUp() }
        other.write("weight", NpyBytes.float64([0, 0, 2, 0, 0, 2, 1, 1], shape: [4, 2]))
        other.write("bias", NpyBytes.float64([0, 0, 2, 0], shape: [4]))
        other.write("class_names", NpyBytes.unicode(["cat", "dog", "owl", "emu"]))
        let figure = hard.path("c.png")
        let result = try PenvizProcess.run(["compare", hard.run.path, other.run.path, "--out", figure])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        let line = result.stderrLines.first ?? ""
        #expect(line.hasPrefix("error: ") && line.contains(hard.run.path) && line.contains(other.run.path), "\(line)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: figure))
    }

    @Test("usage errors exit 64", arguments: [
        ["--labels", "only-one"], ["--label-smoothing", "0.1"], ["--label-smoothing", "0,1.5"], ["--auto", "nearest"],
    ])
    func usage(extra: [String]) throws {
        let (hard, smoothed) = try Self.runs()
        defer { hard.cleanUp(); smoothed.cleanUp() }
        let result = try PenvizProcess.run(["compare", hard.run.path, smoothed.run.path, "--out", hard.path("c.png")] + extra)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderrLines.first?.hasPrefix("error: ") == true)
    }
}
