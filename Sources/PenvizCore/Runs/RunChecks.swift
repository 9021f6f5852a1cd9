/// The checks of a run's stored values that a ``Run`` and an ``AugmentedRun``
/// share, each failing with one line naming the file and the key.
enum RunChecks {
    /// `names` (from `origin`, a key of `file` or a file of their own), checked: K of
    /// them, none empty. A name that several classes share (ImageNet's two "crane"s,
    /// a bird and a machine) is made distinct by each one's id, `crane (134)` and
    /// `crane (517)`, and `notes` says so: names are how classes are picked, labelled
    /// and compared across runs.
    static func classNames(
        _ names: [String], origin: ClassNamesOrigin, classes: Int, file: String, notes: inout [String]
    ) throws -> [String] {
        guard names.count == classes else {
            throw origin.error("\(names.count) class names for the K = \(classes) classes", run: file)
        }
        if let empty = names.firstIndex(where: { $0.isEmpty }) {
            throw origin.error("class name \(empty) is empty", run: file)
        }
        let ids = Dictionary(grouping: names.indices, by: { names[$0] })
        let repeated = ids.filter { $0.value.count > 1 }
        guard !repeated.isEmpty else { return names }
        var distinct = names
        for (name, sharing) in repeated { for id in sharing { distinct[id] = "\(name) (\(id))" } }
        // Made distinct, a name may now equal another class's own name ("crane (134)" given as such): then refuse.
        guard Set(distinct).count == distinct.count else {
            throw origin.error("class names repeat a name, and naming each by its id would repeat another", run: file)
        }
        let listed = repeated.sorted { $0.value[0] < $1.value[0] }.prefix(5)
            .map { "'\($0.key)' (\($0.value.map(String.init).joined(separator: ", ")))" }.joined(separator: ", ")
        notes.append("\(file): \(repeated.count) class name\(repeated.count == 1 ? " is" : "s are") shared by several classes, "
            + "\(listed)\(repeated.count > 5 ? ", …" : ""): each such class is named with its id, as 'NAME (ID)'")
        return distinct
    }

    /// The stored `label_smoothing`: one number in [0, 1).
    static func labelSmoothing(_ stored: NamedArray, file: String) throws -> Double {
        guard stored.array.dtype.isNumeric, stored.array.count == 1 else {
            throw PenvizError.input(file, key: stored.key, "label_smoothing must be one number, got shape \(stored.array.shape)")
        }
        let value = stored.array.double(atFlat: 0)
        guard value >= 0, value < 1 else {
            throw PenvizError.input(file, key: stored.key, "label_smoothing must lie in [0, 1), got \(value)")
        }
        return value
    }

    /// Augmented logits, checked: numeric and N×L×K with K = `classes` (at least one).
    static func augmentedLogits(_ stored: NamedArray, classes: Int, file: String) throws -> ArrayView {
        let shape = stored.array.shape
        guard stored.array.dtype.isNumeric else {
            throw PenvizError.input(file, key: stored.key, "augmented logits must be numeric, not \(stored.array.dtype.name)")
        }
        guard shape.count == 3 else {
            throw PenvizError.input(file, key: stored.key, "augmented logits must be N×L×K (three axes), got shape \(shape)")
        }
        guard classes >= 1, shape[2] == classes else {
            throw PenvizError.input(
                file, key: stored.key,
                "augmented logits must be N×L×K with K = \(classes)\(classes < 1 ? " (at least one class)" : ""), got shape \(shape)")
        }
        return stored.array
    }
}
