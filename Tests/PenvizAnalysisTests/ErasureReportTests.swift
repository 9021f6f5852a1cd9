import Foundation
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// The `--metrics` JSON of `penviz erasure`.
@Suite("ErasureReport")
struct ErasureReportTests {
    @Test("the documented keys; an unknown α is null; the file round-trips")
    func schema() throws {
        let report = ErasureReport(runs: try ErasureTestRuns.runs(), classNames: ["c0", "c1", "c2"])
        let data = try JSONEncoder().encode(report)
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(Set(object.keys) == ["schema_version", "key", "classes", "runs"])
        #expect(object["key"] as? String == "train_logits_aug")
        let classes = object["classes"] as! [[String: Any]]
        #expect(classes.map { $0["id"] as? Int } == [0, 2] && classes.map { $0["name"] as? String } == ["c0", "c2"])
        let runs = object["runs"] as! [[String: Any]]
        #expect(Set(runs[0].keys) == ["label", "source", "alpha", "n", "examples", "passes", "information", "ln_n", "variance"])
        #expect(runs[0]["alpha"] is NSNull && runs[1]["alpha"] as? Double == 0.1)
        #expect(runs[0]["n"] as? Int == 2 && runs[0]["passes"] as? Int == 2 && runs[0]["variance"] as? Double == 1)
        #expect(try JSONDecoder().decode(ErasureReport.self, from: data) == report)
    }
}
