import PenvizAnalysis
import PenvizCore

/// The information-erasure part of a report: measured for every run, or
/// skipped with the reason (the runs store no augmented logits, say).
public enum ReportErasure: Sendable {
    /// Every run measured on the same key and classes; `classNames` are the K names.
    case measured([RunErasure], classNames: [String])
    /// Not measured, and why, as a sentence the report shows.
    case skipped(String)

    /// The default classes a and b for augmented examples labelled `labels`:
    /// the two most frequent classes (ties to the lowest id), so the difference
    /// z_a − z_b is taken between the examples' own classes, as in the paper's
    /// airplane-and-dog experiment. Nil when fewer than two classes occur;
    /// values that are not class ids in 0..<`classCount` are ignored, and a
    /// non-numeric array gives nil.
    public static func mostFrequentClasses(_ labels: NamedArray, classCount: Int) -> (a: Int, b: Int)? {
        guard labels.array.dtype.isNumeric else { return nil }
        var counts = [Int](repeating: 0, count: classCount)
        for flat in 0..<labels.array.count {
            let value = labels.array.double(atFlat: flat)
            guard value.rounded() == value, value >= 0, value < Double(classCount) else { continue }
            counts[Int(value)] += 1
        }
        let ranked = counts.indices.filter { counts[$0] > 0 }.sorted { counts[$0] > counts[$1] || (counts[$0] == counts[$1] && $0 < $1) }
        guard ranked.count >= 2 else { return nil }
        return (min(ranked[0], ranked[1]), max(ranked[0], ranked[1]))
    }
}
