import Foundation
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// ``NeuralCollapse`` against the definitions computed the long way on small data:
/// Σ_W and Σ_B as D×D matrices, Σ_B⁺ by an explicit eigen-decomposition (Jacobi's
/// method, written here), nearest class centres by brute force.
@Suite("Neural collapse")
struct NeuralCollapseTests {
    static func view(_ rows: [[Double]]) throws -> ArrayView {
        let bytes = rows.flatMap { $0 }.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init) }
        return try ArrayView(shape: [rows.count, rows[0].count], dtype: .float64, storage: ByteStorage(copying: bytes))
    }

    /// Eigenvalues and eigenvectors (columns of the returned matrix) of a small symmetric matrix, by cyclic Jacobi rotations.
    static func jacobi(_ input: [[Double]]) -> (values: [Double], vectors: [[Double]]) {
        var a = input
        let n = a.count
        var v = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0 } }
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<n { for q in (p + 1)..<n { off += a[p][q] * a[p][q] } }
            if off < 1e-30 { break }
            for p in 0..<n {
                for q in (p + 1)..<n where abs(a[p][q]) > 1e-300 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<n).map { a[$0][$0] }, v)
    }

    /// Every figure by its definition, the long way.
    static func reference(features x: [[Double]], labels y: [Int], weight w: [[Double]], predictions: [Int]) -> [String: Double] {
        let d = x[0].count
        let present = Array(Set(y)).sorted()
        let kp = Double(present.count)
        func mean(_ rows: [[Double]]) -> [Double] { (0..<d).map { j in rows.reduce(0) { $0 + $1[j] } / Double(rows.count) } }
        let mu = Dictionary(uniqueKeysWithValues: present.map { k in (k, mean(zip(x, y).filter { $0.1 == k }.map(\.0))) })
        let global = mean(present.map { mu[$0]! })
        let m = present.map { k in zip(mu[k]!, global).map { $0 - $1 } }
        // Σ_W = (1/N) Σ r rᵀ, Σ_B = (1/K') Σ m mᵀ, both D×D
        var sw = Array(repeating: Array(repeating: 0.0, count: d), count: d), sb = sw
        for (row, label) in zip(x, y) {
            let r = zip(row, mu[label]!).map { $0 - $1 }
            for a in 0..<d { for b in 0..<d { sw[a][b] += r[a] * r[b] / Double(x.count) } }
        }
        for v in m { for a in 0..<d { for b in 0..<d { sb[a][b] += v[a] * v[b] / kp } } }
        // Σ_B⁺ on the top min(K' − 1, D) eigenpairs
        let (values, vectors) = jacobi(sb)
        let order = values.indices.sorted { values[$0] > values[$1] }.prefix(min(present.count - 1, d))
        var pinv = Array(repeating: Array(repeating: 0.0, count: d), count: d)
        for e in order { for a in 0..<d { for b in 0..<d { pinv[a][b] += vectors[a][e] * vectors[b][e] / values[e] } } }
        var trace = 0.0
        for a in 0..<d { for b in 0..<d { trace += sw[a][b] * pinv[b][a] } }
        func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        func variation(_ v: [Double]) -> Double {
            let average = v.reduce(0, +) / Double(v.count)
            return (v.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(v.count)).squareRoot() / average
        }
        var cosines: [Double] = [], cdnv: [Double] = []
        func variance(_ k: Int) -> Double {
            let rows = zip(x, y).filter { $0.1 == k }.map(\.0)
            return rows.reduce(0) { total, row in total + zip(row, mu[k]!).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } } / Double(rows.count)
        }
        for a in 0..<present.count {
            for b in (a + 1)..<present.count {
                cosines.append(zip(m[a], m[b]).reduce(0) { $0 + $1.0 * $1.1 } / (norm(m[a]) * norm(m[b])))
                let separation = zip(mu[present[a]]!, mu[present[b]]!).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                cdnv.append((variance(present[a]) + variance(present[b])) / (2 * separation))
            }
        }
        let cosineMean = cosines.reduce(0, +) / Double(cosines.count)
        let wp = present.map { w[$0] }
        let wNorm = norm(wp.flatMap { $0 }), mNorm = norm(m.flatMap { $0 })
        let nc3 = zip(wp.flatMap { $0 }, m.flatMap { $0 }).reduce(0) { $0 + ($1.0 / wNorm - $1.1 / mNorm) * ($1.0 / wNorm - $1.1 / mNorm) }
        // Nearest class centre by brute force, ties to the lowest id.
        let nearest = x.map { row in
            present.min { a, b in
                let da = zip(row, mu[a]!).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                let db = zip(row, mu[b]!).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                return da < db || (da == db && a < b)
            }!
        }
        return [
            "nc1": trace / kp,
            "nc2_equinorm_means": variation(m.map(norm)),
            "nc2_equinorm_weights": variation(wp.map(norm)),
            "nc2_equiangular": (cosines.reduce(0) { $0 + ($1 - cosineMean) * ($1 - cosineMean) } / Double(cosines.count)).squareRoot(),
            "nc2_max_angle": cosines.reduce(0) { $0 + abs($1 + 1 / (kp - 1)) } / Double(cosines.count),
            "nc3": nc3,
            "nc4": Double(zip(predictions, nearest).filter { $0 != $1 }.count) / Double(x.count),
            "cdnv": cdnv.reduce(0, +) / Double(cdnv.count),
        ]
    }

    /// Random features around class means in D dimensions, K classes, with a weight.
    static func data(classes k: Int, dimension d: Int, perClass: Int, seed: UInt64) -> ([[Double]], [Int], [[Double]], [Double]) {
        var generator = SeededGenerator(seed: seed)
        let centres = (0..<k).map { _ in TestData.uniform(d, in: -3...3, &generator) }
        var x: [[Double]] = [], y: [Int] = []
        for i in 0..<(k * perClass) {
            let label = i % k
            x.append(zip(centres[label], TestData.uniform(d, in: -1.5...1.5, &generator)).map { $0 + $1 })
            y.append(label)
        }
        let w = (0..<k).map { label in zip(centres[label], TestData.uniform(d, in: -0.5...0.5, &generator)).map { $0 + $1 } }
        return (x, y, w, TestData.uniform(k, &generator))
    }

    @Test("every figure agrees with its definition, computed the long way", arguments: [(4, 6), (5, 3), (3, 7)])
    func definitions(classes k: Int, dimension d: Int) throws {
        let (x, y, w, b) = Self.data(classes: k, dimension: d, perClass: 9, seed: UInt64(k * 10 + d))
        let predictions = x.map { row in (0..<k).max { l1, l2 in
            let z1 = zip(row, w[l1]).reduce(b[l1]) { $0 + $1.0 * $1.1 }, z2 = zip(row, w[l2]).reduce(b[l2]) { $0 + $1.0 * $1.1 }
            return z1 < z2 || (z1 == z2 && l1 > l2)
        }! }
        let collapse = try NeuralCollapse(
            features: Self.view(x), labels: y, rows: Array(x.indices), weight: Matrix(w), bias: b, logits: nil)
        let want = Self.reference(features: x, labels: y, weight: w, predictions: predictions)
        #expect(collapse.n == x.count && collapse.classes == k)
        for (key, value) in collapse.figures {
            let expected = try #require(want[key])
            #expect(abs(try #require(value) - expected) <= 1e-9 * max(1, abs(expected)), "\(key): \(value!) against \(expected)")
        }
    }

    @Test("with stored logits the prediction is their argmax; a class without examples takes no part")
    func storedLogitsAndAbsentClasses() throws {
        // Classes 0, 1 and 3 of 4 have examples. Logits favour class 2 everywhere: every prediction misses its centre.
        let (x, y, w, b) = Self.data(classes: 3, dimension: 4, perClass: 6, seed: 5)
        let labels = y.map { $0 == 2 ? 3 : $0 }
        let weight = [w[0], w[1], [0, 0, 0, 0], w[2]]
        let logits = x.map { _ in [0.0, 0, 9, 0] }
        let collapse = try NeuralCollapse(
            features: Self.view(x), labels: labels, rows: Array(x.indices), weight: Matrix(weight), bias: b + [0],
            logits: Self.view(logits))
        #expect(collapse.classes == 3 && collapse.nc4 == 1)
        let want = Self.reference(features: x, labels: labels, weight: weight, predictions: logits.map { _ in 2 })
        #expect(abs(collapse.nc1! - want["nc1"]!) < 1e-9 * want["nc1"]! && abs(collapse.nc3! - want["nc3"]!) < 1e-12)
    }

    @Test("on a subset of the rows, over several blocks of rows, the figures are those of the subset")
    func subsetOverBlocks() throws {
        let (x, y, w, b) = Self.data(classes: 5, dimension: 6, perClass: 130, seed: 41)
        let rows = x.indices.filter { $0 % 7 != 3 }
        let predictions = rows.map { row in (0..<5).max { l1, l2 in
            let z1 = zip(x[row], w[l1]).reduce(b[l1]) { $0 + $1.0 * $1.1 }, z2 = zip(x[row], w[l2]).reduce(b[l2]) { $0 + $1.0 * $1.1 }
            return z1 < z2 || (z1 == z2 && l1 > l2)
        }! }
        let collapse = try NeuralCollapse(features: Self.view(x), labels: y, rows: rows, weight: Matrix(w), bias: b, logits: nil)
        let want = Self.reference(features: rows.map { x[$0] }, labels: rows.map { y[$0] }, weight: w, predictions: predictions)
        #expect(collapse.n == rows.count)
        for (key, value) in collapse.figures {
            let expected = try #require(want[key])
            #expect(abs(try #require(value) - expected) <= 1e-9 * max(1, abs(expected)), "\(key): \(value!) against \(expected)")
        }
    }

    @Test("a feature that is NaN or infinite is an error naming the first such row")
    func nonfinite() throws {
        var x = Self.data(classes: 3, dimension: 2, perClass: 200, seed: 3).0
        x[417][1] = .infinity
        x[530][0] = .nan
        #expect(throws: NeuralCollapse.NonfiniteFeatures(row: 417)) {
            try NeuralCollapse(
                features: Self.view(x), labels: x.indices.map { $0 % 3 }, rows: Array(x.indices), weight: Matrix([[1, 0], [0, 1], [1, 1]]),
                bias: [0, 0, 0], logits: nil)
        }
    }

    @Test("figures past Float64 are null, not NaN; the rest stay")
    func pastFloat64() throws {
        // Means ±1e300 apart: ‖m_k‖² overflows, so every figure that reads the means' Gram matrix is null; CDNV's
        // separation is infinite against finite variances, 0 as in exact arithmetic rounded to Float64.
        let x: [[Double]] = [[1e300, 0], [1e300, 1], [-1e300, 0], [-1e300, 1]]
        let collapse = try NeuralCollapse(
            features: Self.view(x), labels: [0, 0, 1, 1], rows: [0, 1, 2, 3], weight: Matrix([[1, 0], [-1, 0]]), bias: [0, 0], logits: nil)
        #expect(collapse.nc1 == nil && collapse.nc2EquinormMeans == nil && collapse.nc3 == nil && collapse.nc4 == nil)
        #expect(collapse.cdnv == 0 && collapse.nc2EquinormWeights == 0)
        #expect(collapse.figures.allSatisfy { $0.value?.isFinite ?? true })
    }

    @Test("a split of one class has no collapse figures")
    func oneClass() throws {
        let collapse = try NeuralCollapse(
            features: Self.view([[1, 2], [3, 4]]), labels: [1, 1], rows: [0, 1], weight: Matrix([[1, 0], [0, 1]]), bias: [0, 0], logits: nil)
        #expect(collapse.classes == 1 && collapse.figures.allSatisfy { $0.value == nil })
    }

    @Test("a perfect simplex: equinorm, equiangular, collapsed, the classifier aligned with the means")
    func simplex() throws {
        // Three unit means at 120° (sum zero), every example on its mean, weights equal to the means.
        let means: [[Double]] = [[1, 0], [-0.5, 0.75.squareRoot()], [-0.5, -0.75.squareRoot()]]
        let x = (0..<6).map { means[$0 % 3] }
        let collapse = try NeuralCollapse(
            features: Self.view(x), labels: (0..<6).map { $0 % 3 }, rows: Array(0..<6), weight: Matrix(means), bias: [0, 0, 0],
            logits: nil)
        for (key, value) in collapse.figures { #expect(abs(value!) < 1e-12, "\(key) = \(value!)") }
    }
}
