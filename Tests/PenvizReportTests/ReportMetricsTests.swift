import Foundation
import PenvizIO
import Testing

@testable import PenvizReport

/// `ReportMetrics`: metrics.json decodes into the model and encodes back to the same bytes.
@Suite("Report metrics JSON")
struct ReportMetricsTests {
    @Test("the JSON round-trips: decoded and re-encoded, the bytes are identical")
    func roundTrip() throws {
        for augmented in [true, false] {
            let metrics = try ReportTestRuns.content(augmented: augmented).metrics
            let bytes = try JSONOutput.encode(metrics)
            let decoded = try JSONDecoder().decode(ReportMetrics.self, from: bytes)
            #expect(decoded == metrics)
            #expect(try JSONOutput.encode(decoded) == bytes)
        }
    }

    @Test("every documented key is present; a skipped erasure is null with its note")
    func keys() throws {
        let skipped = try ReportTestRuns.content(augmented: false).metrics
        let document = try JSONSerialization.jsonObject(with: JSONOutput.encode(skipped)) as! [String: Any]
        #expect(Set(document.keys)
            == ["schema_version", "runs", "comparison", "calibration", "erasure", "erasure_note", "figure_style"])
        #expect(document["schema_version"] as? Int == 1)
        // ReportTestRuns draws with the default look.
        let style = document["figure_style"] as! [String: Any]
        #expect(style["font_scale"] as? Double == 1 && style["palette"] as? String == "okabe-ito")
        #expect(style["axis_labels"] as? Bool == false)
        #expect(document["erasure"] is NSNull)
        #expect(document["erasure_note"] as? String == "no run stores augmented logits.")
        let runs = document["runs"] as! [[String: Any]]
        #expect(runs.map { $0["label"] as? String } == ["hard", "smoothed"])
        #expect(Set(runs[0].keys) == ["label", "splits"])
        let splits = runs[0]["splits"] as! [[String: Any]]
        #expect(splits.map { $0["name"] as? String } == ["train", "val", "test"])
        #expect(splits.allSatisfy { $0["n"] as? Int == 40 && $0["logits"] as? String == "stored" })
        // overconfident(): every third row is labelled wrong, the others right: 26 of 40 right.
        #expect(splits.allSatisfy { $0["accuracy"] as? Double == 26.0 / 40 })

        let measured = try JSONSerialization.jsonObject(with: JSONOutput.encode(ReportTestRuns.content().metrics)) as! [String: Any]
        #expect(measured["erasure_note"] is NSNull)
        #expect((measured["erasure"] as? [String: Any])?["key"] as? String == "train_logits_aug")
    }
}
