import Foundation
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// The `--metrics` JSON of `penviz calibrate`: every documented key present,
/// undefined values as `null`, and an exact round trip.
@Suite("CalibrationReport")
struct CalibrationReportTests {
    typealias Runs = CalibrationTestRuns

    /// The report of the hand-solved split with M = 3: confidences 0.5 | 0.75, 0.8, 0.9, so the first bin (0, 1/3] is empty.
    static func report(resamples: Int) throws -> CalibrationReport {
        let run = try Runs.run(classCount: 2, splits: [Runs.overconfident(name: "val", classCount: 2), Runs.handTest])
        let settings = CalibrationSettings(binCount: 3, resamples: resamples, seed: 5)
        return CalibrationReport(settings: settings, runs: [try RunCalibration(label: "hand", run: run, settings: settings)])
    }

    static func json(_ report: CalibrationReport) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as! [String: Any]
    }

    @Test("the documented keys, in snake_case, at every level")
    func keys() throws {
        let object = try Self.json(Self.report(resamples: 10))
        #expect(Set(object.keys) == ["schema_version", "bin_count", "binning", "bootstrap_resamples", "seed", "runs"])
        #expect(object["schema_version"] as? Int == 1 && object["bin_count"] as? Int == 3)
        #expect(object["binning"] as? String == "width" && object["seed"] as? Int == 5)
        let run = (object["runs"] as! [[String: Any]])[0]
        #expect(Set(run.keys) == ["label", "source", "alpha", "fit_split", "eval_split", "temperature",
                                  "temperature_outcome", "before", "after"])
        #expect(run["fit_split"] as? String == "val" && run["eval_split"] as? String == "test")
        #expect(run["temperature_outcome"] as? String == "interior")
        let before = run["before"] as! [String: Any]
        #expect(Set(before.keys) == ["n", "accuracy", "nll", "brier", "ece", "mce", "ece_interval", "bins"])
        #expect((before["ece_interval"] as? [Double])?.count == 2)
        let bins = before["bins"] as! [[String: Any]]
        #expect(bins.map { Set($0.keys) } == Array(repeating: ["lower", "upper", "count", "accuracy", "confidence", "gap"], count: 3))
    }

    @Test("the empty bin, the unknown α and the interval without resamples are null, and the file round-trips")
    func nulls() throws {
        let report = try Self.report(resamples: 0)
        let data = try JSONEncoder().encode(report)
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let run = (object["runs"] as! [[String: Any]])[0]
        #expect(run["alpha"] is NSNull)
        let before = run["before"] as! [String: Any]
        #expect(before["ece_interval"] is NSNull)
        let empty = (before["bins"] as! [[String: Any]])[0]
        #expect(empty["count"] as? Int == 0)
        #expect(empty["accuracy"] is NSNull && empty["confidence"] is NSNull && empty["gap"] is NSNull)
        #expect(try JSONDecoder().decode(CalibrationReport.self, from: data) == report)
    }

    @Test("bins: edges k/3, counts and statistics of the hand-solved split")
    func bins() throws {
        let bins = try Self.report(resamples: 0).runs[0].before.bins
        // conf 0.5 (wrong) lies in (1/3, 2/3]; 0.75, 0.8, 0.9 (two right) in (2/3, 1].
        #expect(bins.map(\.lower) == [0, 1.0 / 3, 2.0 / 3] && bins.map(\.upper) == [1.0 / 3, 2.0 / 3, 1])
        #expect(bins.map(\.count) == [0, 1, 3])
        #expect(bins[0].accuracy == nil && bins[1].accuracy == 0)
        #expect(abs(bins[1].gap! - 0.5) < 1e-12)
        #expect(abs(bins[2].gap! - (2.45 / 3 - 2.0 / 3)) < 1e-12)
    }
}
