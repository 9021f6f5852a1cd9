import Foundation
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis
@testable import PenvizCore

/// The logit engine (``LogitSpace``, ``SplitLogits``, ``SplitMeasurement``) against
/// the direct forms on the features: `distance_cv` from the squared distances
/// summed as differences, panel coordinates as `(x̃ − o)·e`, logits by plain loops.
@Suite("Logit engine")
struct LogitEngineTests {
    /// A random run of K classes and D features, split `val` of n rows; with
    /// `storedLogits` the split stores those logits, else none.
    static func run(
        k: Int, d: Int, n: Int, seed: UInt64, center: Double = 0, spread: Double = 1,
        storedLogits: (([[Double]], [[Double]], [Double]) -> [[Double]])? = nil
    ) throws -> Run {
        var generator = SeededGenerator(seed: seed)
        let offset = (0..<d).map { _ in center * (generator.nextUnitInterval() + 0.5) }
        let weight = (0..<k).map { _ in (0..<d).map { offset[$0] + spread * (generator.nextUnitInterval() * 2 - 1) } }
        let bias = (0..<k).map { _ in generator.nextUnitInterval() - 0.5 }
        let labels = (0..<n).map { $0 % k }
        let features = labels.map { y in (0..<d).map { weight[y][$0] + spread * (generator.nextUnitInterval() - 0.5) } }
        return try ComparisonTestSupport.run(
            source: "engine.npz", weight: weight, bias: bias, names: (0..<k).map { "c\($0)" },
            splits: [.init(name: "val", features: features, labels: labels,
                           logits: storedLogits.map { $0(features, weight, bias) })])
    }

    /// z = x·Wᵀ + b by plain loops, each logit rounded to float32 as a model's output is.
    static func float32Logits(_ x: [[Double]], _ w: [[Double]], _ b: [Double]) -> [[Double]] {
        x.map { row in w.indices.map { k in Double(Float(zip(row, w[k]).reduce(b[k]) { $0 + $1.0 * $1.1 })) } }
    }

    /// `distance_cv` by the difference form: d_j = Σ_i (x̃_i − t_j,i)² − Σ_i (x̃_i − t_y,i)².
    static func directDistanceCV(_ run: Run, includeBias: Bool) -> Double {
        let split = run.splits[0], k = run.classCount
        var deviations = 0.0, means = 0.0
        for position in 0..<split.count {
            let x = split.features.row(position) + (includeBias ? [1] : [])
            let squared = (0..<k).map { j in
                let t = run.weight.row(j) + (includeBias ? [run.bias[j]] : [])
                return zip(x, t).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            }
            let y = split.labels[position]
            let d = (0..<k).filter { $0 != y }.map { squared[$0] - squared[y] }
            let mean = d.reduce(0, +) / Double(d.count)
            deviations += (d.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d.count)).squareRoot()
            means += mean
        }
        return deviations / means
    }

    static func measure(_ run: Run, includeBias: Bool = true, planes: [TemplatePlane] = []) throws -> SplitMeasurement {
        try SplitMeasurement(run.splits[0], in: LogitSpace(run: run, includeBias: includeBias), planes: planes, alpha: nil)
    }

    static func close(_ x: Double?, _ y: Double, _ relative: Double) -> Bool {
        guard let x else { return false }
        return abs(x - y) <= relative * abs(y)
    }

    @Test("distance_cv from template logits and G_kk is the difference form's, with and without the bias",
          arguments: [true, false])
    func distanceCV(includeBias: Bool) throws {
        let run = try Self.run(k: 7, d: 12, n: 300, seed: 1)
        let measured = try Self.measure(run, includeBias: includeBias)
        #expect(measured.metrics.templateLogits == .computed)
        #expect(Self.close(measured.metrics.distanceCV, Self.directDistanceCV(run, includeBias: includeBias), 1e-12))
    }

    @Test("features far from the origin (‖x‖ ≈ 10⁴·‖x − t‖) lose no more than rounding of ‖x‖² in the logits")
    func farFromTheOrigin() throws {
        let run = try Self.run(k: 5, d: 16, n: 200, seed: 2, center: 1e4, spread: 1)
        // The logits are ~10⁸ and the excess distances ~10: each d_j carries an error of a few
        // ulps of 10⁸ (about 10⁻⁸), 10⁻⁹ of its size; the ratio keeps that.
        let measured = try Self.measure(run)
        #expect(Self.close(measured.metrics.distanceCV, Self.directDistanceCV(run, includeBias: true), 1e-6))
    }

    @Test("a panel's points from three template logits are (x̃ − o)·e1, (x̃ − o)·e2 of the features",
          arguments: [true, false])
    func panelPoints(includeBias: Bool) throws {
        let run = try Self.run(k: 6, d: 9, n: 120, seed: 3)
        let plane = try TemplatePlane(weight: run.weight, bias: run.bias, triplet: Triplet(4, 1, 2), includeBias: includeBias)
        let points = try Self.measure(run, includeBias: includeBias, planes: [plane]).panels[0]
        let split = run.splits[0]
        let rows = split.labels.indices.filter { [4, 1, 2].contains(split.labels[$0]) }
        #expect(points.positions == rows)
        #expect(points.labels == rows.map { split.labels[$0] })
        let direct = plane.project(features: split.features, rows: rows)
        let scale = direct.map { max(abs($0.p1), abs($0.p2)) }.max()!
        for (point, want) in zip(points.points, direct) {
            #expect(abs(point.p1 - want.p1) <= 1e-12 * scale && abs(point.p2 - want.p2) <= 1e-12 * scale)
        }
    }

    @Test("nearly collinear templates: the coordinates still agree, within the conditioning 1/‖v‖ of the plane")
    func nearlyCollinear() throws {
        // t_c = (t_a + t_b)/2 + 10⁻⁶·u, u of length ~1: ‖v‖ ≈ 10⁻⁶ of ‖t‖, above the 10⁻⁹ threshold.
        let weight: [[Double]] = [[1, 0, 0, 0], [0, 1, 0, 0], [0.5, 0.5, 1e-6, 0], [0, 0, 0, 1]]
        let features: [[Double]] = (0..<40).map { (i: Int) -> [Double] in
            let a = Double(i % 7) / 3, b = Double(i % 5) / 4, c = Double(i % 3) * 1e-6
            return [a, b, c, 0.1]
        }
        let run = try ComparisonTestSupport.run(
            source: "flat.npz", weight: weight, bias: [0, 0, 0, 0], names: ["a", "b", "c", "d"],
            splits: [.init(name: "val", features: features, labels: (0..<40).map { $0 % 3 })])
        let plane = try TemplatePlane(weight: run.weight, bias: run.bias, triplet: Triplet(0, 1, 2))
        let points = try Self.measure(run, planes: [plane]).panels[0]
        let direct = plane.project(features: run.splits[0].features, rows: points.positions)
        // p2 divides a difference of logits of order 1 by ‖v‖ ≈ 10⁻⁶: ulps of 1 become ~10⁻¹⁰.
        for (point, want) in zip(points.points, direct) {
            #expect(abs(point.p1 - want.p1) <= 1e-12 && abs(point.p2 - want.p2) <= 1e-9)
        }
    }

    @Test("stored float32 logits of these features agree: they serve as template logits, the metrics unchanged")
    func agreeingStoredLogits() throws {
        let stored = try Self.run(k: 8, d: 64, n: 400, seed: 4, storedLogits: Self.float32Logits)
        let plain = try Self.run(k: 8, d: 64, n: 400, seed: 4)
        let measured = try Self.measure(stored), reference = try Self.measure(plain)
        #expect(measured.metrics.logits == .stored && measured.metrics.templateLogits == .stored)
        #expect(measured.metrics.logitDeviation! <= LogitAgreement.tolerance(dimension: 64, stored: .float64))
        #expect(measured.note == nil)
        #expect(reference.metrics.logits == .computed && reference.metrics.logitDeviation == nil)
        // float32 logits round each z̃ by ~6·10⁻⁸ relative; the means over 400 rows keep that order.
        #expect(Self.close(measured.metrics.distanceCV, reference.metrics.distanceCV!, 1e-6))
        #expect(Self.close(measured.metrics.gap, reference.metrics.gap, 1e-6))
        #expect(Self.close(measured.metrics.incorrectSpread, reference.metrics.incorrectSpread, 1e-6))
    }

    @Test("stored logits of another layer disagree: z̃ from the features, accuracy and gap from the stored logits, a note")
    func disagreeingStoredLogits() throws {
        // A hook on the wrong layer: the logits of relu(x), while the features keep their negative parts.
        let relu: ([[Double]], [[Double]], [Double]) -> [[Double]] = { x, w, b in
            Self.float32Logits(x.map { $0.map { max($0, 0) } }, w, b)
        }
        let stored = try Self.run(k: 5, d: 10, n: 250, seed: 5, storedLogits: relu)
        let measured = try Self.measure(stored)
        #expect(measured.metrics.logits == .stored && measured.metrics.templateLogits == .computed)
        #expect(measured.metrics.logitDeviation! > 1e-3)
        #expect(Self.close(measured.metrics.distanceCV, Self.directDistanceCV(stored, includeBias: true), 1e-12))
        // accuracy and gap are the stored logits' own
        let split = stored.splits[0]
        let z = (0..<split.count).map { split.logits!.row($0) }
        let correct = zip(z, split.labels).filter { row, y in row.firstIndex(of: row.max()!) == y }.count
        #expect(measured.metrics.accuracy == Double(correct) / Double(split.count))
        let gap = zip(z, split.labels).reduce(0.0) { sum, pair in
            let (row, y) = pair
            return sum + row[y] - (row.reduce(0, +) - row[y]) / Double(row.count - 1)
        } / Double(split.count)
        #expect(Self.close(measured.metrics.gap, gap, 1e-12))
        let note = try #require(measured.note)
        #expect(note.hasPrefix("engine.npz: split 'val': the stored logits are not the features times the final layer (row "))
        #expect(note.contains("hook on the wrong layer"))
    }

    @Test("a stored logit where every term of x·w_k + b_k is zero: a relative deviation of 1, not infinity")
    func storedLogitAgainstAllZeroTerms() throws {
        // Class 0's template is zero (w_0 = 0, b_0 = 0), so ẑ_0 = 0 whatever x is; the stored z_0 = 2.
        let weight = [[0.0, 0.0], [2, 0], [0, 2]], bias = [0.0, 0, 2]
        let features = [[1.0, 1], [2, 0], [0, 0], [5, 5]], labels = [0, 1, 0, 2]
        let logits = features.map { x in [2.0] + [1, 2].map { k in zip(x, weight[k]).reduce(bias[k]) { $0 + $1.0 * $1.1 } } }
        let run = try ComparisonTestSupport.run(
            source: "zero.npz", weight: weight, bias: bias, names: ["a", "b", "c"],
            splits: [.init(name: "val", features: features, labels: labels, logits: logits)])
        let measured = try Self.measure(run)
        // Every term of class 0 is zero: |2 − 0| / |2| = 1; the other classes agree exactly.
        #expect(measured.metrics.logitDeviation == 1)
        #expect(measured.metrics.templateLogits == .computed)
        let json = try JSONEncoder().encode(measured.metrics)
        #expect(String(decoding: json, as: UTF8.self).contains("\"logit_deviation\":1"))
    }

    @Test("features saved as float16 beside float32 logits of the unrounded features: z̃ from the saved features, no note")
    func float16Features() throws {
        var generator = SeededGenerator(seed: 8)
        let k = 4, d = 32, n = 200
        let weight = (0..<k).map { _ in (0..<d).map { _ in generator.nextUnitInterval() * 2 - 1 } }
        let bias = [0.1, -0.2, 0.3, 0]
        let labels = (0..<n).map { $0 % k }
        let exact = labels.map { y in (0..<d).map { _ in weight[y][0] + generator.nextUnitInterval() * 3 } }
        // The model's float32 logits of the exact features; the features saved rounded to float16.
        let logits = Self.float32Logits(exact, weight, bias)
        let saved = exact.map { $0.map { Double(Float16($0)) } }
        let half = try ArrayView(
            shape: [n, d], dtype: .float16,
            storage: ByteStorage(copying: saved.flatMap { $0 }.flatMap { value in withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { Array($0) } }))
        let plain = try ComparisonTestSupport.run(
            source: "half.npz", weight: weight, bias: bias, names: ["a", "b", "c", "d"],
            splits: [.init(name: "val", features: saved, labels: labels, logits: logits)])
        let split = Split(name: "val", features: half, labels: labels, logits: plain.splits[0].logits)
        let measured = try SplitMeasurement(split, in: LogitSpace(run: plain), planes: [], alpha: nil)
        let agreement = try #require(LogitSpace(run: plain).logits(of: split).agreement)
        #expect(!agreement.agrees && agreement.explainedByFeatureRounding)
        #expect(agreement.featureRounding == 0x1p-11)
        #expect(measured.metrics.templateLogits == .computed && measured.note == nil)
        #expect(Self.close(measured.metrics.distanceCV, Self.directDistanceCV(plain, includeBias: true), 1e-12))
    }

    @Test("logits computed on the BLAS are the plain-loop x·Wᵀ + b")
    func computedLogits() throws {
        let run = try Self.run(k: 9, d: 33, n: 70, seed: 6)
        let source = LogitSpace(run: run).modelLogits(of: run.splits[0])
        #expect(source.isComputed)
        let values = Array(source.mapRowBlocks { _, block in Array(block) }.joined())
        let split = run.splits[0]
        var worst = 0.0
        for i in 0..<split.count {
            let x = split.features.row(i)
            for k in 0..<run.classCount {
                let z = zip(x, run.weight.row(k)).reduce(run.bias[k]) { $0 + $1.0 * $1.1 }
                worst = max(worst, abs(values[i * run.classCount + k] - z) / max(1, abs(z)))
            }
        }
        #expect(worst <= 1e-13)
    }

    @Test("the same bits at one, two and three threads over several chunks, logits computed or stored",
          arguments: [false, true])
    func threadCounts(stored: Bool) throws {
        // 600 rows of D = 600 float64 are 4.7 KB a row: two chunks of 2 MiB, several BLAS blocks each.
        let run = stored
            ? try Self.run(k: 11, d: 600, n: 600, seed: 7, storedLogits: { x, w, b in Self.float32Logits(x, w, b) })
            : try Self.run(k: 11, d: 600, n: 600, seed: 7)
        let split = run.splits[0], space = LogitSpace(run: run)
        let plane = try TemplatePlane(weight: run.weight, bias: run.bias, triplet: Triplet(0, 3, 5))
        let empty = Both(DistanceCV.ExcessDistances(squaredNorms: space.squaredNorms), PlanePoints(plane: plane))
        let logits = space.logits(of: split)
        var values: [Double] = [], coordinates: [[UInt64]] = []
        for threads in [1, 2, 3] {
            let result = SplitPass.run(split, from: empty, logits: logits, threads: threads)
            values.append(try #require(try DistanceCV.measure(result.first)))
            coordinates.append(result.second.points.map { $0.p1.bitPattern ^ ($0.p2.bitPattern &* 31) })
        }
        #expect(values.allSatisfy { $0.bitPattern == values[0].bitPattern })
        #expect(coordinates.allSatisfy { $0 == coordinates[0] })
    }
}
