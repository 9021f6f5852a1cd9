import PenvizCore

extension RunDiscovery {
    /// The augmented logits stored in `archive` for information erasure, with the
    /// class names and α; nil when it holds none. Only these are read: the file
    /// needs no final layer and no features.
    ///
    /// The logits are every `S_logits_aug` (or `S/logits_aug`) array. The labels of
    /// their examples are `KEY_labels` when stored, else the split's own labels
    /// (`S_labels`) when they number the same examples (N). Each array's layout is
    /// `layout` when given, else told from its labels and shape (``AugmentedLayout``).
    ///
    /// - Throws: ``PenvizError`` (input) naming the file and key for arrays of the
    ///   wrong shape, K that disagree, and bad class names or `label_smoothing`.
    public func augmentedRun(in archive: ArrayArchive, layout: AugmentedLayout? = nil) throws -> AugmentedRun? {
        let keys = archive.entries.map(\.key).filter { $0.hasSuffix("_logits_aug") || $0.hasSuffix("/logits_aug") }.sorted()
        guard !keys.isEmpty else { return nil }
        func load(_ key: String) throws -> NamedArray { NamedArray(key: key, array: try archive.array(key)) }
        let logits = try keys.map(load)
        var labels: [String: NamedArray] = [:]
        for stored in logits {
            let split = String(stored.key.dropLast("logits_aug".count))   // "train_" or "train/"
            if archive.contains(stored.key + "_labels") {
                labels[stored.key] = try load(stored.key + "_labels")
            } else if let own = try (archive.contains(split + "labels") ? load(split + "labels") : nil),
                own.array.shape.count == 1, stored.array.shape.count == 3, stored.array.shape.prefix(2).contains(own.array.count)
            {
                labels[stored.key] = own
            }
        }
        let stored = try self.keys.classNames.map(load)
        return try AugmentedRun(
            source: archive.path, name: RunDiscovery.displayName(of: archive.path),
            classNames: try classNames(in: archive, stored: stored),
            labelSmoothing: archive.contains("label_smoothing") ? try load("label_smoothing") : nil, logits: logits, labels: labels,
            layout: layout)
    }
}
