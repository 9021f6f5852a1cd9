import Foundation
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// The runs `penviz serve` holds (``Explorer``), against the hand-solved run of
/// ``ComparisonTestSupport/handSolved(source:alpha:)``.
///
/// Its templates t_0 = (0,0,0), t_1 = (2,0,0), t_2 = (0,2,2) span the plane with
/// o = (2/3, 2/3, 2/3), e1 = (1,0,0), e2 = (0,1,1)/√2, so the example x = (x₁, x₂)
/// lands at p = (x₁ − 2/3, (x₂ − 1/3)/√2), and the triplet (0, 1, 2) shows every example.
@Suite("Explorer")
struct ExplorerTests {
    static let features: [[Double]] = [[1, 1], [-1, 1], [2, 0], [2, 2], [5, 5]]

    static func explorer(maxPoints: Int = Explorer.defaultMaxPoints) throws -> Explorer {
        try Explorer(
            runs: [ComparedRun(label: "hard", run: try ComparisonTestSupport.handSolved(source: "hard.npz")),
                   ComparedRun(label: "smoothed", run: try ComparisonTestSupport.handSolved(source: "smoothed.npz", alpha: 0.1))],
            maxPoints: maxPoints)
    }

    @Test("every run × split is a panel, and each point lies where the plane's basis puts its example")
    func pointsOnThePlane() throws {
        let panels = try Self.explorer().panels(of: Triplet(0, 1, 2))
        #expect(panels.names == ["cat", "dog", "owl"])
        #expect(panels.panels.map { "\($0.run)·\($0.split)" } == ["hard·train", "hard·val", "smoothed·train", "smoothed·val"])
        #expect(panels.panels.map { [$0.runIndex, $0.splitIndex] } == [[0, 0], [0, 1], [1, 0], [1, 1]])
        for panel in panels.panels {
            #expect(panel.points.labels == [0, 0, 1, 1, 2])
            #expect(panel.rows == [0, 1, 2, 3, 4])
            for (point, x) in zip(panel.points.points, Self.features) {
                // Float32 template logits: agreement to single precision.
                #expect(abs(point.p1 - (x[0] - 2.0 / 3)) < 1e-6)
                #expect(abs(point.p2 - (x[1] - 1.0 / 3) / 2.0.squareRoot()) < 1e-6)
            }
        }
    }

    @Test("a panel's numbers and a split's metrics are those penviz compare reports")
    func sameNumbersAsCompare() throws {
        let explorer = try Self.explorer()
        let comparison = try ComparisonTestSupport.handComparison()
        for (t, triplet) in [Triplet(0, 1, 2), Triplet(2, 0, 1)].enumerated() {
            let panels = try explorer.panels(of: triplet)
            for (mine, theirs) in zip(panels.panels.map(\.metrics), comparison.metrics.triplets[t].panels) {
                #expect(mine.spreads.map(\.count) == theirs.spreads.map(\.count))
                for (a, b) in zip(mine.spreads, theirs.spreads) { #expect(abs(a.spread! - b.spread!) < 1e-6) }
                #expect(abs(mine.separation - theirs.separation) < 1e-6)
                #expect(abs(mine.tightness! - theirs.tightness!) < 1e-6)
            }
        }
        for (run, measured) in zip(explorer.runs, comparison.metrics.runs) {
            #expect(run.splits.map(\.metrics) == measured.splits)
        }
    }

    @Test("each row keeps its class, the model's top class and its softmax probability")
    func predictions() throws {
        let val = try Self.explorer().runs[0].splits[1]
        // Stored logits of val: (3, 1, 2), (0, 0, 0), (4, 2, 0), (−1, 1, −3), (1, 1, 1).
        #expect(val.labels == [0, 0, 1, 1, 2])
        #expect(val.predicted == [0, 0, 0, 1, 0])
        let expected = [exp(3) / (exp(3) + exp(1) + exp(2)), 1.0 / 3, exp(4) / (exp(4) + exp(2) + 1),
                        exp(1) / (exp(-1) + exp(1) + exp(-3)), 1.0 / 3]
        for (kept, want) in zip(val.confidence, expected) { #expect(abs(Double(kept) - want) < 1e-6) }
        // train stores no logits: z = (0, 2x₁, 2x₂ + 2), so (1, 1) → (0, 2, 4) and class 2 wins.
        let train = try Self.explorer().runs[0].splits[0]
        #expect(train.predicted == [2, 2, 1, 2, 2])
    }

    @Test("past maxPoints a split keeps a stratified sample, and its panels show only those rows")
    func sample() throws {
        let explorer = try Self.explorer(maxPoints: 3)
        let val = explorer.runs[0].splits[1]
        #expect(val.examples == 5)
        #expect(val.positions.count == 3)
        #expect(Set(val.labels) == [0, 1, 2])
        #expect(val.fileRows == val.positions)
        let panel = try explorer.panels(of: Triplet(0, 1, 2)).panels[1]
        #expect(panel.points.positions == val.positions)
        for (point, position) in zip(panel.points.points, val.positions) {
            #expect(abs(point.p1 - (Self.features[position][0] - 2.0 / 3)) < 1e-6)
        }
        // The whole-split metrics still read every row.
        #expect(val.metrics.count == 5)
    }

    @Test("each split is read once: its metrics and its kept rows come from the same pass")
    func onePass() throws {
        let progress = CountingProgress()
        _ = try Explorer(runs: [ComparedRun(label: "hard", run: try ComparisonTestSupport.handSolved())], progress: progress)
        // train and val, five rows each.
        #expect(progress.total == 10)
    }

    @Test("a split keeps at most 256 MiB of template logits")
    func rowLimit() {
        #expect(Explorer.rowLimit(classCount: 1000, maxPoints: 200_000) == 67_108)
        #expect(Explorer.rowLimit(classCount: 10, maxPoints: 200_000) == 200_000)
        #expect(Explorer.rowLimit(classCount: 10, maxPoints: 5) == 5)
    }

    @Test("runs that cannot be compared are refused, naming both files")
    func incomparable() throws {
        let other = try ComparisonTestSupport.run(
            source: "four.npz", weight: [[0, 0], [2, 0], [0, 2], [1, 1]], bias: [0, 0, 0, 0], names: ["a", "b", "c", "d"],
            splits: [.init(name: "train", features: [[1, 1]], labels: [0]), .init(name: "val", features: [[1, 1]], labels: [0])])
        #expect(throws: PenvizError.self) {
            try Explorer(runs: [ComparedRun(label: "hard", run: try ComparisonTestSupport.handSolved()), ComparedRun(label: "four", run: other)])
        }
    }
}
