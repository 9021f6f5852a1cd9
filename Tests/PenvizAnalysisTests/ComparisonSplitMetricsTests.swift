import Foundation
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// The whole-split metrics of ``ComparisonMetrics/SplitMetrics`` on the
/// hand-solved run of ``ComparisonTestSupport/handSolved(source:alpha:)``.
@Suite("Comparison split metrics")
struct ComparisonSplitMetricsTests {
    static func measure(_ splitName: String, alpha: Double? = nil) throws -> ComparisonMetrics.SplitMetrics {
        let run = try ComparisonTestSupport.handSolved()
        return try SplitMeasurement(run.split(named: splitName)!, in: LogitSpace(run: run), planes: [], alpha: alpha).metrics
    }

    @Test("class geometry: means (0,1), (2,1), (5,5); four unit deviations among five examples")
    func classGeometry() throws {
        let metrics = try Self.measure("val")
        #expect(metrics.count == 5)
        // Σ‖x − μ_y‖² = 1 + 1 + 1 + 1 + 0 = 4 over N = 5
        #expect(ComparisonTestSupport.close(metrics.within, (4.0 / 5).squareRoot()))
        // ‖μ0 − μ1‖ = 2, ‖μ0 − μ2‖ = √(25 + 16), ‖μ1 − μ2‖ = √(9 + 16) = 5
        let between = (2 + 41.0.squareRoot() + 5) / 3
        #expect(ComparisonTestSupport.close(metrics.between, between))
        #expect(ComparisonTestSupport.close(metrics.clusterRatio, (4.0 / 5).squareRoot() / between))
    }

    @Test("stored logits: gaps 1.5, 0, 0, 3, 0; wrong-logit spreads 0.5, 0, 2, 1, 0; three of five right")
    func storedLogits() throws {
        // rows (z, y): (3,1,2; 0) (0,0,0; 0) (4,2,0; 1) (−1,1,−3; 1) (1,1,1; 2)
        // gap_i = z_y − mean of the other two; spread_i = |difference of the other two| / 2;
        // argmax (lowest id on ties): 0, 0, 0, 1, 0 → right for rows 0, 1, 3.
        let metrics = try Self.measure("val")
        #expect(metrics.logits == .stored)
        let gaps: [Double] = [1.5, 0, 0, 3, 0], spreads: [Double] = [0.5, 0, 2, 1, 0]
        #expect(ComparisonTestSupport.close(metrics.gap, gaps.reduce(0, +) / 5))
        #expect(ComparisonTestSupport.close(metrics.incorrectSpread, spreads.reduce(0, +) / 5))
        #expect(metrics.accuracy == 3.0 / 5)
    }

    @Test("computed logits z = (0, 2x₁, 2x₂ + 2) when the split stored none")
    func computedLogits() throws {
        // x = (1,1): z = (0,2,4), y 0   gap −3  spread 1  argmax 2
        // x = (−1,1): z = (0,−2,4), y 0 gap −1  spread 3  argmax 2
        // x = (2,0): z = (0,4,2), y 1   gap 3   spread 1  argmax 1 ✓
        // x = (2,2): z = (0,4,6), y 1   gap 1   spread 3  argmax 2
        // x = (5,5): z = (0,10,12), y 2 gap 7   spread 5  argmax 2 ✓
        let metrics = try Self.measure("train")
        #expect(metrics.logits == .computed)
        #expect(ComparisonTestSupport.close(metrics.gap, 7.0 / 5))
        #expect(ComparisonTestSupport.close(metrics.incorrectSpread, 13.0 / 5))
        #expect(metrics.accuracy == 2.0 / 5)
    }

    @Test("distance_cv from d_j = 2(z_y − z_j) + ‖t_j‖² − ‖t_y‖², the expanded form")
    func distanceCV() throws {
        // ‖t‖² = 0, 4, 8; with the computed logits above the excess distances d_j (j ≠ y) are
        // (0,0) (8,0) (4,8) (4,0) (16,0): means 0, 4, 6, 2, 8; population stds 0, 4, 2, 2, 8.
        let stds: [Double] = [0, 4, 2, 2, 8], means: [Double] = [0, 4, 6, 2, 8]
        for split in ["train", "val"] {
            #expect(ComparisonTestSupport.close(try Self.measure(split).distanceCV, stds.reduce(0, +) / means.reduce(0, +)))
        }
    }

    @Test("ls_gap is ln(((1 − α)K + α)/α) for K = 3, and null for α = 0 or unknown")
    func labelSmoothingGap() throws {
        #expect(ComparisonTestSupport.close(try Self.measure("val", alpha: 0.1).lsGap, log(2.8 / 0.1)))
        #expect(try Self.measure("val", alpha: 0).lsGap == nil)
        #expect(try Self.measure("val").lsGap == nil)
    }

    @Test("a run with an empty split is an input error naming the run, the key and the split")
    func emptySplit() throws {
        #expect {
            try ComparisonTestSupport.run(
                source: "empty.npz", weight: [[0, 0], [2, 0], [0, 2]], bias: [0, 0, 2], names: ["cat", "dog", "owl"],
                splits: [.init(name: "val", features: [], labels: [])])
        } throws: { error in
            (error as? PenvizError)?.message == "empty.npz: key 'val_features': split 'val' has no examples (0 rows)"
        }
    }

    @Test("every whole-split metric comes from one read of the features: each row's bytes are released once")
    func oneStreamingRead() throws {
        // 600 float64 rows of D = 1,024 (8 KiB a row) make three chunks of a SplitPass, one group
        // of up to eight chunks that a pass hands back in one release once it is done with them;
        // the metrics read the features only through that pass, so the released ranges tile the
        // array exactly once (two reads would release it twice, a read outside a pass not at all).
        var generator = SeededGenerator(seed: 12)
        let n = 600, d = 1024
        let weight = (0..<3).map { _ in (0..<d).map { _ in generator.nextUnitInterval() - 0.5 } }
        let features = (0..<n).map { _ in (0..<d).map { _ in generator.nextUnitInterval() * 4 } }
        let labels = (0..<n).map { $0 % 3 }
        let run = try ComparisonTestSupport.run(
            weight: weight, bias: [0.5, 0, -0.5], names: ["cat", "dog", "owl"],
            splits: [.init(name: "train", features: features, labels: labels)])
        let space = LogitSpace(run: run)
        let plain = run.splits[0]
        let log = RecordingPaging()
        let original = plain.features
        let recorded = try ArrayView(
            shape: original.shape, dtype: original.dtype, byteOrder: original.byteOrder,
            storage: ByteStorage(base: original.storage.base, count: original.storage.count, paging: log) { _ = original },
            offset: original.offset)
        let split = Split(name: plain.name, features: recorded, labels: plain.labels, logits: plain.logits)

        let metrics = try SplitMeasurement(split, in: space, planes: [], alpha: nil).metrics
        let released = log.ranges.sorted { $0.lowerBound < $1.lowerBound }
        #expect(released.count == 1)
        #expect(released.first?.lowerBound == original.offset)
        #expect(released.last?.upperBound == original.offset + n * d * 8)
        #expect(zip(released, released.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(metrics == (try SplitMeasurement(plain, in: space, planes: [], alpha: nil).metrics))
        #expect(metrics.logits == .computed && metrics.count == n)
    }
}
