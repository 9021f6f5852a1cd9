import Foundation
import PenvizCore
import Testing

@testable import PenvizReport

/// The `--metrics` JSON and the table of `penviz erasure`.
@Suite("ErasureReport")
struct ErasureReportTests {
    /// Two runs on the two-example case of the RunErasure tests, the second with a stored α.
    static func runs() throws -> [RunErasure] {
        let f: [[Double]] = [[-1, 1], [1, 3]]
        let augmented = ["train_logits_aug": f.map { passes in passes.map { [1 + $0, 5, 1] } }]
        let hard = try CalibrationTestRuns.run(
            source: "hard.npz", classCount: 3, splits: [CalibrationTestRuns.overconfident()], augmented: augmented)
        let smoothed = try CalibrationTestRuns.run(
            source: "smoothed.npz", classCount: 3, alpha: 0.1, splits: [CalibrationTestRuns.overconfident()],
            augmented: augmented)
        return try [hard, smoothed].map { run in
            try RunErasure(label: run.name, run: run, key: "train_logits_aug", classA: 0, classB: 2)
        }
    }

    @Test("the documented keys; an unknown α is null; the file round-trips")
    func schema() throws {
        let report = ErasureReport(runs: try Self.runs(), classNames: ["c0", "c1", "c2"])
        let data = try JSONEncoder().encode(report)
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(Set(object.keys) == ["schema_version", "key", "classes", "runs"])
        #expect(object["key"] as? String == "train_logits_aug")
        let classes = object["classes"] as! [[String: Any]]
        #expect(classes.map { $0["id"] as? Int } == [0, 2] && classes.map { $0["name"] as? String } == ["c0", "c2"])
        let runs = object["runs"] as! [[String: Any]]
        #expect(Set(runs[0].keys) == ["label", "source", "alpha", "n", "passes", "information", "ln_n", "variance"])
        #expect(runs[0]["alpha"] is NSNull && runs[1]["alpha"] as? Double == 0.1)
        #expect(runs[0]["n"] as? Int == 2 && runs[0]["passes"] as? Int == 2 && runs[0]["variance"] as? Double == 1)
        #expect(try JSONDecoder().decode(ErasureReport.self, from: data) == report)
    }

    @Test("the table: a line naming the classes and key, then one line a run")
    func table() throws {
        let text = ErasureTable(ErasureReport(runs: try Self.runs(), classNames: ["c0", "c1", "c2"])).text
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(text.hasPrefix("classes: c0 (0) − c2 (2), key train_logits_aug\n"))
        #expect(lines[1] == ["run", "alpha", "n", "L", "Î", "ln", "N", "Î/ln", "N", "σ²"])
        // Î = ln 2 − ½ (ln(1 + e⁻⁴) + ln 2) = 0.33742…, ln 2 = 0.69315, Î/ln N = 0.48680
        let information: Double = log(2) - (log(1 + exp(-4)) + log(2)) / 2
        #expect(lines[2].prefix(4) == ["hard", "-", "2", "2"] && lines[3].prefix(4) == ["smoothed", "0.1", "2", "2"])
        let shown = lines[2][4...7].map { Double($0)! }
        let ln2: Double = log(2)
        let expected: [Double] = [information, ln2, information / ln2, 1]
        for (value, expected) in zip(shown, expected) {
            #expect(abs(value - expected) <= 1e-4 * expected)
        }
    }
}
