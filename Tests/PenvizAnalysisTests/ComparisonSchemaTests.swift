import Foundation
import Testing

import PenvizTestSupport
@testable import PenvizAnalysis

/// The `--metrics` JSON of `penviz compare`: its documented keys, nulls that
/// stay in the file, and decoding that gives back what was encoded.
@Suite("Comparison JSON schema")
struct ComparisonSchemaTests {
    static func encode(_ value: ComparisonMetrics) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    @Test("decoding what was encoded gives the same metrics back")
    func roundTrip() throws {
        let decoded = try JSONDecoder().decode(ComparisonMetrics.self, from: try Self.encode(SampleMetrics.comparison))
        #expect(decoded == SampleMetrics.comparison)
    }

    @Test("every object has exactly the documented keys, null values included")
    func keys() throws {
        let document = try JSONSerialization.jsonObject(with: try Self.encode(SampleMetrics.comparison)) as! [String: Any]
        #expect(Set(document.keys) == ["schema_version", "includes_bias", "runs", "triplets"])
        #expect(document["schema_version"] as? Int == 1)
        let runs = document["runs"] as! [[String: Any]]
        for run in runs {
            #expect(Set(run.keys) == ["label", "source", "alpha", "K", "D", "splits", "collapse"])
            #expect(Set((run["collapse"] as! [String: Any]).keys) == [
                "split", "examples", "n", "classes", "nc1", "nc2_equinorm_means", "nc2_equinorm_weights", "nc2_equiangular",
                "nc2_max_angle", "nc3", "nc4", "cdnv",
            ])
            for split in run["splits"] as! [[String: Any]] {
                #expect(Set(split.keys) == [
                    "name", "n", "logits", "template_logits", "logit_deviation", "accuracy", "within", "between", "cluster_ratio", "gap", "ls_gap",
                    "incorrect_spread", "distance_cv",
                ])
            }
        }
        #expect(runs[0]["alpha"] is NSNull)
        let hardVal = (runs[0]["splits"] as! [[String: Any]])[0]
        for key in ["between", "cluster_ratio", "ls_gap", "distance_cv"] { #expect(hardVal[key] is NSNull, "\(key)") }
        let smoothedCollapse = runs[1]["collapse"] as! [String: Any]
        #expect(smoothedCollapse["nc2_equinorm_means"] is NSNull && smoothedCollapse["cdnv"] is NSNull && smoothedCollapse["n"] as? Int == 50000)
        #expect((runs[1]["splits"] as! [[String: Any]])[0]["logit_deviation"] is NSNull)
        #expect(hardVal["logits"] as? String == "stored")
        #expect((runs[1]["splits"] as! [[String: Any]])[0]["logits"] as? String == "computed")

        let triplet = (document["triplets"] as! [[String: Any]])[0]
        #expect(Set(triplet.keys) == ["kind", "reason", "ids", "names", "separation", "panels"])
        #expect(triplet["kind"] as? String == "similar")
        let panel = (triplet["panels"] as! [[String: Any]])[0]
        #expect(Set(panel.keys) == ["run", "split", "spreads", "separation", "tightness"])
        #expect(panel["tightness"] is NSNull)
        let spreads = panel["spreads"] as! [[String: Any]]
        #expect(spreads.allSatisfy { Set($0.keys) == ["id", "name", "n", "spread"] })
        #expect(spreads[2]["spread"] is NSNull)
    }

    @Test("a file with a documented key missing does not decode")
    func missingKey() throws {
        var document = try JSONSerialization.jsonObject(with: try Self.encode(SampleMetrics.comparison)) as! [String: Any]
        document["includes_bias"] = nil
        let data = try JSONSerialization.data(withJSONObject: document)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ComparisonMetrics.self, from: data) }
    }
}
