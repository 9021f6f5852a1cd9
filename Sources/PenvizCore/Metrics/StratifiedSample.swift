/// A seeded sample of rows that keeps each class's share: the rows a measurement
/// uses when a split holds more than its budget.
///
/// Of `size` rows out of N, class k (n_k rows) gets ⌊size·n_k/N⌋ of them, and the
/// rows left over go one each to the classes with the largest remainders
/// size·n_k/N − ⌊size·n_k/N⌋ (ties to the lowest id) — the largest-remainder
/// rule, so the counts add up to `size` exactly. Every class with a row keeps at
/// least one as long as `size` is at least the number of such classes (the row
/// is then taken from the class with the most rows to spare). Within a class the
/// rows are drawn without replacement by one ``SeededGenerator`` per call, class
/// by class in id order; the sample is returned in increasing row order.
///
/// ```swift
/// let rows = StratifiedSample.rows(labels: split.labels, size: 200_000, seed: 0)
/// ```
public enum StratifiedSample {
    /// `size` of the rows of `labels` (class ids, 0 ≤ id), increasing; all rows when `size ≥ labels.count`.
    public static func rows(labels: [Int], size: Int, seed: UInt64) -> [Int] {
        guard size < labels.count else { return Array(labels.indices) }
        var members: [Int: [Int]] = [:]
        for (row, label) in labels.enumerated() { members[label, default: []].append(row) }
        let classes = members.keys.sorted()
        let total = Double(labels.count)
        var counts = classes.map { Int((Double(size) * Double(members[$0]!.count) / total).rounded(.down)) }
        // Largest remainders first, ties to the lowest id.
        let remainders = classes.map { Double(size) * Double(members[$0]!.count) / total }.enumerated().map { ($0.offset, $0.element - $0.element.rounded(.down)) }
        let order = remainders.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
        for index in order.prefix(size - counts.reduce(0, +)) { counts[index] += 1 }
        // A class left without a row takes one from the class with the most to spare.
        for index in classes.indices where counts[index] == 0 {
            guard let donor = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[donor] > 1 else { break }
            counts[donor] -= 1
            counts[index] = 1
        }
        var generator = SeededGenerator(seed: seed)
        var sample: [Int] = []
        sample.reserveCapacity(size)
        for (index, label) in classes.enumerated() { sample += generator.draw(counts[index], from: members[label]!) }
        return sample.sorted()
    }
}
