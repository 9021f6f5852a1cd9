import PenvizCore
import Testing

/// ``StratifiedSample``: class shares by the largest-remainder rule, worked by hand.
@Suite("Stratified sample")
struct StratifiedSampleTests {
    static func counts(_ rows: [Int], labels: [Int]) -> [Int: Int] {
        Dictionary(rows.map { (labels[$0], 1) }, uniquingKeysWith: +)
    }

    @Test("shares by the largest remainder: 60/30/10 rows, 7 drawn give 4, 2, 1")
    func largestRemainder() {
        // 7·0.6 = 4.2, 7·0.3 = 2.1, 7·0.1 = 0.7: floors 4, 2, 0 (6 rows), the seventh to class 2 (remainder 0.7).
        let labels = (0..<100).map { $0 < 60 ? 0 : $0 < 90 ? 1 : 2 }
        let rows = StratifiedSample.rows(labels: labels, size: 7, seed: 0)
        #expect(rows.count == 7 && rows == rows.sorted() && Set(rows).count == 7)
        #expect(Self.counts(rows, labels: labels) == [0: 4, 1: 2, 2: 1])
    }

    @Test("equal remainders go to the lowest ids; a class that would get none takes one from the largest")
    func tiesAndSmallClasses() {
        // Classes of 10 rows each: 4 drawn give floors 1, 1, 1 and remainders 1/3 each: the fourth row to class 0.
        let three = (0..<30).map { $0 % 3 }
        #expect(Self.counts(StratifiedSample.rows(labels: three, size: 4, seed: 5), labels: three) == [0: 2, 1: 1, 2: 1])
        // 98 rows of class 0 and one each of 1 and 2, 5 drawn: floors 4, 0, 0 and remainders 0.9, 0.05, 0.05 give 5, 0, 0;
        // classes 1 and 2 then take a row each from class 0.
        let skewed = (0..<100).map { $0 < 98 ? 0 : $0 - 97 }
        let rows = StratifiedSample.rows(labels: skewed, size: 5, seed: 1)
        #expect(Self.counts(rows, labels: skewed) == [0: 3, 1: 1, 2: 1] && rows.contains(98) && rows.contains(99))
    }

    @Test("the same seed draws the same rows, another seed others; a size past N keeps every row")
    func seeded() {
        let labels = (0..<1000).map { ($0 * 7) % 10 }
        let a = StratifiedSample.rows(labels: labels, size: 100, seed: 3)
        #expect(a == StratifiedSample.rows(labels: labels, size: 100, seed: 3))
        #expect(a != StratifiedSample.rows(labels: labels, size: 100, seed: 4))
        #expect(Self.counts(a, labels: labels).values.allSatisfy { $0 == 10 })
        #expect(StratifiedSample.rows(labels: labels, size: 1000, seed: 3) == Array(0..<1000))
    }
}
