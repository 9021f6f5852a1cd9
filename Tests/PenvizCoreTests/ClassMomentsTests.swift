import PenvizTestSupport
import Testing
@testable import PenvizCore

/// ``SplitGeometry/ClassMoments``: per-class count, mean and squared deviations
/// from one streaming pass (Welford's step inside a chunk, Chan's update between
/// chunks), against a plain Float64 two-pass reference, and the same bits at any
/// thread count.
struct ClassMomentsTests {
    /// Class counts, means and Σ‖x − μ‖² by the textbook two passes: sums, then squared deviations.
    static func reference(_ rows: [[Double]], _ labels: [Int], classCount: Int) -> [(count: Int, mean: [Double], squares: Double)?] {
        (0..<classCount).map { k in
            let members = zip(rows, labels).filter { $0.1 == k }.map(\.0)
            guard !members.isEmpty else { return nil }
            var sum = [Double](repeating: 0, count: members[0].count)
            for x in members { for i in sum.indices { sum[i] += x[i] } }
            let mean = sum.map { $0 / Double(members.count) }
            var squares = 0.0
            for x in members { for i in x.indices { squares += (x[i] - mean[i]) * (x[i] - mean[i]) } }
            return (members.count, mean, squares)
        }
    }

    /// Feeds `rows[range]` to an empty accumulator, as a pass feeds one chunk.
    static func fed(_ rows: [[Double]], _ labels: [Int], _ range: Range<Int>, classCount: Int) -> SplitGeometry.ClassMoments {
        var moments = SplitGeometry.ClassMoments(classCount: classCount)
        for position in range {
            rows[position].withUnsafeBufferPointer { x in
                moments.add(ExampleRow(position: position, label: labels[position], features: x))
            }
        }
        return moments
    }

    /// Counts equal, means within `meanTolerance` relative, squared deviations within 1e-12.
    static func expectClose(
        _ moments: SplitGeometry.ClassMoments, _ reference: [(count: Int, mean: [Double], squares: Double)?],
        meanTolerance: Double = 1e-15
    ) {
        #expect(moments.classes.count == reference.count)
        for (got, want) in zip(moments.classes, reference) {
            #expect((got == nil) == (want == nil))
            guard let got, let want else { continue }
            #expect(got.count == want.count)
            #expect(zip(got.mean, want.mean).allSatisfy { TestData.close($0, $1, relative: meanTolerance) })
            #expect(TestData.close(got.squaredDeviations.value, want.squares, relative: 1e-12))
        }
    }

    // Nine made-up rows, D = 3, K = 4 (class 3 absent), far from the origin so that
    // a naive Σx² − (Σx)²/n would lose digits.
    let rows: [[Double]] = [
        [1000.5, -3, 7], [999.25, -1, 6], [1002, -2.5, 8.75], [1001, 0, 5], [998.5, -4, 7.5],
        [1000, 1, 6.25], [1003.75, -2, 9], [997, -3.5, 4], [1000.125, 0.5, 6.5],
    ]
    let labels = [0, 1, 0, 2, 1, 0, 2, 0, 1]

    // At most four rows a class: both means are within a rounding or two of each other (1e-15 relative).
    @Test func oneChunkMatchesTheTwoPassReference() {
        Self.expectClose(Self.fed(rows, labels, 0..<rows.count, classCount: 4), Self.reference(rows, labels, classCount: 4))
    }

    @Test func chunksCutAnywhereAndAppendedInOrderMatchTheReference() {
        // Chan's update: every way of cutting the rows into two or three chunks.
        let reference = Self.reference(rows, labels, classCount: 4)
        for cut in 0...rows.count {
            var moments = Self.fed(rows, labels, 0..<cut, classCount: 4)
            moments.append(Self.fed(rows, labels, cut..<rows.count, classCount: 4))
            Self.expectClose(moments, reference)
            for second in cut...rows.count {
                var three = Self.fed(rows, labels, 0..<cut, classCount: 4)
                three.append(Self.fed(rows, labels, cut..<second, classCount: 4))
                three.append(Self.fed(rows, labels, second..<rows.count, classCount: 4))
                Self.expectClose(three, reference)
            }
        }
    }

    @Test func geometryFromTheMomentsMatchesTheDefinition() throws {
        let moments = Self.fed(rows, labels, 0..<rows.count, classCount: 4)
        let reference = Self.reference(rows, labels, classCount: 4).compactMap { $0 }
        // within = sqrt(Σ_k M2_k / N); between = mean over the three pairs of ‖μ_k − μ_l‖
        let within = (reference.reduce(0) { $0 + $1.squares } / Double(rows.count)).squareRoot()
        func distance(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot() }
        let between = (distance(reference[0].mean, reference[1].mean) + distance(reference[0].mean, reference[2].mean)
            + distance(reference[1].mean, reference[2].mean)) / 3
        let geometry = try SplitGeometry(moments, meanDistance: References.meanPairDistance)
        #expect(TestData.close(geometry.within, within, relative: 1e-12))
        #expect(TestData.close(geometry.between!, between, relative: 1e-12))
        #expect(TestData.close(geometry.clusterRatio!, within / between, relative: 1e-12))
    }

    @Test func sameBitsAtOneTwoAndThreeThreadsOverSeveralChunks() throws {
        // 1,000 float64 rows of D = 1,024 are 8 KiB a row: four chunks of 256, 256, 256 and 232 rows.
        var generator = SeededGenerator(seed: 5)
        let n = 1000, d = 1024, k = 7
        let features = TestData.randomMatrix(n, d, in: 40...60, &generator)
        let labels = (0..<n).map { _ in generator.next(below: k) }
        let split = Split(name: "train", features: try TestSupport.view(features), labels: labels, logits: nil)
        let runs = [1, 2, 3].map { threads in
            SplitPass.run(split, from: SplitGeometry.ClassMoments(classCount: k), threads: threads)
        }
        for moments in runs.dropFirst() {
            for (a, b) in zip(moments.classes, runs[0].classes) {
                #expect(a?.count == b?.count)
                #expect(a?.mean == b?.mean)
                #expect(a?.squaredDeviations.value.bitPattern == b?.squaredDeviations.value.bitPattern)
            }
            #expect(try SplitGeometry(moments, meanDistance: References.meanPairDistance) == SplitGeometry(runs[0], meanDistance: References.meanPairDistance))
        }
        #expect(runs[0].count == n)
        // ~140 rows a class: the running mean and the plain sum each drift by a few roundings of
        // values near 50 (≈ 1e-15 relative), so 1e-13 leaves a wide margin and still catches any slip.
        Self.expectClose(runs[0], Self.reference((0..<n).map { features.row($0) }, labels, classCount: k), meanTolerance: 1e-13)
    }
}
