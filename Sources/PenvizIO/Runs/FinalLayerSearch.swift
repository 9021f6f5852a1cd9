import PenvizCore

/// Finds the final `nn.Linear` of a whole checkpoint by its shape, when no key
/// names it (DESIGN.md §4's aliases): a `state_dict` or training checkpoint
/// holds every layer, under keys such as `model.head.fc.weight`.
///
/// A candidate is a 2-d floating-point array under a key ending in `weight`
/// whose K×D fits the features' D (and the logits' or class names' K when
/// known). Several may fit (a hidden layer of D×D before a D-class head); the
/// last in the checkpoint's order is taken, since `state_dict` lists layers in
/// the order the model defines them, and the others are named in a note.
enum FinalLayerSearch {
    /// The weight found and the other arrays that would also have fitted.
    struct Found: Equatable {
        let key: String
        let others: [String]
    }

    /// The last array of `entries` that fits as the K×D final layer for features of
    /// `dimension` columns and, when known, `classes` classes; nil when none fits.
    /// Keys in `excluding` (the splits' own arrays) are never taken.
    static func find(in entries: [ArrayEntry], dimension: Int, classes: Int?, excluding: Set<String>) -> Found? {
        let fitting = entries.filter { entry in
            entry.shape.count == 2 && entry.shape[1] == dimension && entry.shape[0] >= 1
                && (classes.map { entry.shape[0] == $0 } ?? true) && (entry.dtype?.isFloatingPoint ?? false)
                && entry.key.hasSuffix("weight") && !excluding.contains(entry.key)
        }.map(\.key)
        guard let last = fitting.last else { return nil }
        return Found(key: last, others: Array(fitting.dropLast()))
    }
}
