import Foundation
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// ``Comparison``: which runs can be compared, how the metrics are assembled,
/// and what they measure.
@Suite("Comparison")
struct ComparisonTests {
    @Test("the whole-split pass reports every row of every compared split once")
    func progress() throws {
        final class Count: WorkProgress, @unchecked Sendable {
            private let lock = NSLock()
            private(set) var rows = 0
            func advance(by units: Int) { lock.withLock { rows += units } }
        }
        let runs = [try ComparisonTestSupport.handSolved(source: "hard.npz"), try ComparisonTestSupport.handSolved(source: "smoothed.npz")]
        let count = Count()
        _ = try Comparison(
            runs: runs.map { ComparedRun(label: $0.name, run: $0) }, splits: ["train", "val"],
            triplets: [ComparedTriplet(kind: .given, triplet: Triplet(0, 1, 2))], progress: count)
        // Two runs of two splits of five examples each, and two passes of each run's neural collapse over its five train rows.
        #expect(count.rows == 20 + 20)
        #expect(Comparison.rowsMeasured(runs: runs, splits: ["train", "val"]) == 40)
        #expect(Comparison.rowsMeasured(runs: runs, splits: ["val"]) == 10 + 20)
        #expect(Comparison.rowsMeasured(runs: runs, splits: ["val"], collapseRows: 3) == 10 + 12)
    }

    @Test("the panels alone read each split once and hold what the comparison's figure is drawn from")
    func panelsAlone() throws {
        let count = CountingProgress()
        let runs = [ComparedRun(label: "hard", run: try ComparisonTestSupport.handSolved(source: "hard.npz")),
                    ComparedRun(label: "smoothed", run: try ComparisonTestSupport.handSolved(source: "smoothed.npz", alpha: 0.1))]
        let triplets = [ComparedTriplet(kind: .given, triplet: Triplet(0, 1, 2)), ComparedTriplet(kind: .similar, triplet: Triplet(2, 0, 1))]
        let panels = try ComparedPanels(runs: runs, splits: ["train", "val"], triplets: triplets, progress: count)
        // Two runs of two splits of five examples each; no neural collapse.
        #expect(count.total == 20)
        let comparison = try ComparisonTestSupport.handComparison()
        #expect(panels.tripletMetrics == comparison.metrics.triplets)
        #expect(panels.splitMetrics == comparison.metrics.runs.map(\.splits))
        #expect(panels.panelPoints.map { $0.map(\.points) } == comparison.panelPoints.map { $0.map(\.points) })
    }

    @Test("runs, splits and panels come in column order: run by run, split by split")
    func assembly() throws {
        let metrics = try ComparisonTestSupport.handComparison().metrics
        #expect(metrics.schemaVersion == 1 && metrics.includesBias)
        #expect(metrics.runs.map(\.label) == ["hard", "smoothed"])
        #expect(metrics.runs.map(\.source) == ["hard.npz", "smoothed.npz"])
        #expect(metrics.runs.map(\.classCount) == [3, 3] && metrics.runs.map(\.dimension) == [2, 2])
        #expect(metrics.runs.map { $0.splits.map(\.name) } == [["train", "val"], ["train", "val"]])
        #expect(metrics.triplets.map(\.kind) == [.given, .similar])
        #expect(metrics.triplets.map(\.ids) == [[0, 1, 2], [2, 0, 1]])
        #expect(metrics.triplets[1].names == ["owl", "cat", "dog"])
        let panels = metrics.triplets[0].panels
        #expect(panels.map(\.run) == ["hard", "hard", "smoothed", "smoothed"])
        #expect(panels.map(\.split) == ["train", "val", "train", "val"])
    }

    @Test("α comes from the run's label_smoothing unless given; ls_gap = ln(((1 − α)K + α)/α) beside gap")
    func alphas() throws {
        let metrics = try ComparisonTestSupport.handComparison().metrics
        #expect(metrics.runs[0].alpha == nil)
        #expect(metrics.runs[0].splits.allSatisfy { $0.lsGap == nil })
        #expect(metrics.runs[1].alpha == 0.1)
        // K = 3: (0.9·3 + 0.1)/0.1 = 28
        #expect(metrics.runs[1].splits.allSatisfy { ComparisonTestSupport.close($0.lsGap, log(28)) })
        let given = ComparedRun(label: "x", run: try ComparisonTestSupport.handSolved(alpha: 0.1), alpha: 0.2)
        #expect(given.alpha == 0.2)
    }

    @Test("ls_gap for α = 0.1 and K = 10 is ln 91")
    func lsGapTenClasses() throws {
        let weight = (0..<10).map { k in [Double(k), Double(k * k)] }
        let run = try ComparisonTestSupport.run(
            weight: weight, bias: [Double](repeating: 0, count: 10), names: (0..<10).map { "c\($0)" }, alpha: 0.1,
            splits: [.init(name: "val", features: weight, labels: Array(0..<10))])
        let comparison = try Comparison(
            runs: [ComparedRun(label: "a", run: run), ComparedRun(label: "b", run: run)], splits: ["val"],
            triplets: [ComparedTriplet(kind: .given, triplet: Triplet(0, 1, 2))])
        #expect(ComparisonTestSupport.close(comparison.metrics.runs[0].splits[0].lsGap, log(91)))
    }

    @Test("a triplet's separation is its template separation in the first run")
    func tripletSeparation() throws {
        let metrics = try ComparisonTestSupport.handComparison().metrics
        let separation = (2 + 8.0.squareRoot() + 12.0.squareRoot()) / 3
        #expect(metrics.triplets.allSatisfy { ComparisonTestSupport.close($0.separation, separation) })
        // Without the bias the templates are (0,0), (2,0), (0,2): (2 + 2 + √8)/3.
        let flat = try ComparisonTestSupport.handComparison(includeBias: false).metrics
        #expect(!flat.includesBias)
        #expect(ComparisonTestSupport.close(flat.triplets[0].separation, (4 + 8.0.squareRoot()) / 3))
    }

    /// The error of comparing the hand-solved run (`hand.npz`) with `other` on `splits`; nil when they compare.
    static func error(comparingWith other: Run, splits: [String] = ["val"]) -> PenvizError? {
        do {
            _ = try Comparison(
                runs: [ComparedRun(label: "a", run: try ComparisonTestSupport.handSolved(source: "hand.npz")),
                       ComparedRun(label: "b", run: other)],
                splits: splits, triplets: [ComparedTriplet(kind: .given, triplet: Triplet(0, 1, 2))])
            return nil
        } catch {
            return error as? PenvizError
        }
    }

    @Test("runs with different K cannot be compared: the error names both files")
    func differentClassCount() throws {
        let four = try ComparisonTestSupport.run(
            source: "four.npz", weight: [[0, 0], [2, 0], [0, 2], [1, 1]], bias: [0, 0, 2, 0],
            names: ["cat", "dog", "owl", "emu"], splits: [.init(name: "val", features: [[1, 1]], labels: [3])])
        let error = try #require(Self.error(comparingWith: four))
        #expect(error.kind == .input)
        #expect(error.message == "hand.npz and four.npz cannot be compared: K = 3 against K = 4 classes")
    }

    @Test("runs whose class names differ cannot be compared: the error names the class and both files")
    func differentClassNames() throws {
        let renamed = try ComparisonTestSupport.run(
            source: "renamed.npz", weight: [[0, 0], [2, 0], [0, 2]], bias: [0, 0, 2], names: ["cat", "hen", "owl"],
            splits: [.init(name: "val", features: [[1, 1]], labels: [0])])
        #expect(Self.error(comparingWith: renamed)?.message
            == "hand.npz and renamed.npz cannot be compared: class 1 is 'dog' in one and 'hen' in the other")
    }

    @Test("a run without a requested split is an error naming that run")
    func missingSplit() throws {
        let valOnly = try ComparisonTestSupport.run(
            source: "val-only.npz", weight: [[0, 0], [2, 0], [0, 2]], bias: [0, 0, 2], names: ["cat", "dog", "owl"],
            splits: [.init(name: "val", features: [[1, 1]], labels: [0])])
        #expect(Self.error(comparingWith: valOnly, splits: ["train", "val"])?.message
            == "val-only.npz: no split 'train' to compare; the run has val")
    }

    @Test("a class with no examples in a split is a warning, and its panel's tightness is null")
    func warnings() throws {
        let noOwl = try ComparisonTestSupport.run(
            source: "no-owl.npz", weight: [[0, 0], [2, 0], [0, 2]], bias: [0, 0, 2], names: ["cat", "dog", "owl"],
            splits: [.init(name: "val", features: [[1, 1], [2, 0]], labels: [0, 1])])
        let comparison = try Comparison(
            runs: [ComparedRun(label: "a", run: try ComparisonTestSupport.handSolved()), ComparedRun(label: "b", run: noOwl)],
            splits: ["val"], triplets: [ComparedTriplet(kind: .given, triplet: Triplet(0, 1, 2))])
        #expect(comparison.warnings == [
            "run 'b', split 'val' has no examples of class 'owl' (2): its spread and the tightness of the cat, dog, owl panel are null"
        ])
        #expect(comparison.metrics.triplets[0].panels.map { $0.tightness == nil } == [false, true])
    }
}
