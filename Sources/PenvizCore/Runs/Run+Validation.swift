extension Run {
    /// Checks `parts` and builds the run.
    ///
    /// Checked, each with its own one-line error naming the file and key:
    /// the weight is 2-d (K×D) with K ≥ 1; the bias has K values; class names
    /// number K; `label_smoothing` is one number in [0, 1); each split's
    /// features are 2-d with D columns, its labels are N integral values in
    /// 0..<K, its logits are N×K; weight, bias, features and logits are finite.
    /// With `dropNonfinite`, rows with a non-finite feature or logit are dropped
    /// (and counted in ``notes``) instead of failing.
    ///
    /// With `checksFeatures` false the features are not read here: the caller's own
    /// pass over them does the check (`penviz project` finds non-finite rows in the
    /// projection, see ``TemplatePlane/nonfiniteRows(of:rows:points:)``), so that a
    /// large file is read once instead of twice. The check of the features reports
    /// every row it has read to `progress`.
    public init(
        parts: RunParts, dropNonfinite: Bool = false, checksFeatures: Bool = true, progress: (any WorkProgress)? = nil
    ) throws {
        let file = parts.source
        // Errors about the final layer name the file it came from (the --weights file, when given).
        let layerFile = parts.layerSource
        var notes = parts.notes

        let weightArray = parts.weight.array
        guard weightArray.dtype.isNumeric else {
            throw PenvizError.input(layerFile, key: parts.weight.key, "weight must be numeric, not \(weightArray.dtype.name)")
        }
        guard weightArray.shape.count == 2, weightArray.shape[0] >= 1, weightArray.shape[1] >= 1 else {
            throw PenvizError.input(layerFile, key: parts.weight.key, "weight must be a K×D matrix, got shape \(weightArray.shape)")
        }
        if let evidence = Self.transposeEvidence(of: parts) {
            let shape = weightArray.shape
            throw PenvizError.input(
                layerFile, key: parts.weight.key,
                "shape \(shape) looks transposed: penviz wants K×D (nn.Linear's layout), and \(evidence); save W.T (shape [\(shape[1]), \(shape[0])])")
        }
        let weight = Matrix(weightArray)
        let (classes, dimension) = (weight.rows, weight.columns)
        if let bad = weight.values.firstIndex(where: { !$0.isFinite }) {
            throw PenvizError.input(layerFile, key: parts.weight.key, "weight row \(bad / dimension) holds a non-finite value")
        }

        var bias = [Double](repeating: 0, count: classes)
        if let stored = parts.bias {
            guard stored.array.dtype.isNumeric, stored.array.count == classes, stored.array.shape.count <= 2 else {
                throw PenvizError.input(layerFile, key: stored.key, "bias must hold K = \(classes) numbers, got shape \(stored.array.shape)")
            }
            bias = stored.array.doubles()
            if let bad = bias.firstIndex(where: { !$0.isFinite }) {
                throw PenvizError.input(layerFile, key: stored.key, "bias of class \(bad) is not finite")
            }
        } else {
            notes.append("\(layerFile): no bias stored; using zeros")
        }

        let classNames = try parts.classNames.map {
            try RunChecks.classNames($0.names, origin: $0.origin, classes: classes, file: file, notes: &notes)
        }
            ?? (0..<classes).map { String($0) }
        let alpha = try parts.labelSmoothing.map { try RunChecks.labelSmoothing($0, file: file) }

        var splits: [Split] = []
        for part in parts.splits {
            let split = try Run.checkedSplit(
                part, file: file, classes: classes, dimension: dimension, dropNonfinite: dropNonfinite,
                checksFeatures: checksFeatures, progress: progress, notes: &notes)
            splits.append(split)
        }

        self.source = file
        self.name = parts.name
        self.weight = weight
        self.bias = bias
        self.hasStoredBias = parts.bias != nil
        self.classNames = classNames
        self.splits = splits
        self.labelSmoothing = alpha
        self.notes = notes
    }

    /// Why the r×c weight of `parts` reads as its transpose (D×K, not K×D): the sizes
    /// around it that say K = c or D = r ("the bias holds 10 numbers"), when none says
    /// K = r or D = c; nil otherwise (a square weight never).
    private static func transposeEvidence(of parts: RunParts) -> String? {
        let (r, c) = (parts.weight.array.shape[0], parts.weight.array.shape[1])
        guard r != c else { return nil }
        var transposed: [String] = [], upright = false
        func weigh(_ size: Int, as kind: String, _ text: String) {
            // A size of K agrees with c when transposed, r when not; a size of D the other way round.
            let (flipped, normal) = kind == "K" ? (c, r) : (r, c)
            if size == flipped { transposed.append(text) } else if size == normal { upright = true }
        }
        if let bias = parts.bias { weigh(bias.array.count, as: "K", "the bias holds \(bias.array.count) numbers") }
        if let names = parts.classNames { weigh(names.names.count, as: "K", "there are \(names.names.count) class names") }
        for split in parts.splits {
            let features = split.features.array.shape
            if features.count == 2 { weigh(features[1], as: "D", "the features of '\(split.name)' have D = \(features[1]) columns") }
            if let logits = split.logits?.array.shape, logits.count == 2 {
                weigh(logits[1], as: "K", "the logits of '\(split.name)' have K = \(logits[1]) columns")
            }
        }
        return upright || transposed.isEmpty ? nil : transposed[0]
    }

    /// Checks one split's shapes, labels and values against the run's K and D.
    private static func checkedSplit(
        _ part: RunParts.SplitParts, file: String, classes: Int, dimension: Int, dropNonfinite: Bool,
        checksFeatures: Bool, progress: (any WorkProgress)?, notes: inout [String]
    ) throws -> Split {
        let features = part.features.array
        guard features.dtype.isNumeric else {
            throw PenvizError.input(file, key: part.features.key, "features must be numeric, not \(features.dtype.name)")
        }
        guard features.shape.count == 2 else {
            let hint = features.shape.count > 2 ? " (flatten them to N×D, e.g. x.reshape(len(x), -1))" : ""
            throw PenvizError.input(file, key: part.features.key, "features must be 2-d (N×D), got shape \(features.shape)\(hint)")
        }
        let rows = features.shape[0]
        guard rows > 0 else {
            // Every measure and figure of a split needs examples; refused here, for every command alike.
            throw PenvizError.input(file, key: part.features.key, "split '\(part.name)' has no examples (0 rows)")
        }
        try RowMemory.check(rows: rows, file: file, key: part.features.key)
        guard features.shape[1] == dimension else {
            throw PenvizError.input(
                file, key: part.features.key,
                "features have D = \(features.shape[1]) columns but the weight has D = \(dimension)")
        }

        let labelArray = part.labels.array
        guard labelArray.dtype.isNumeric, labelArray.shape.count == 1 || (labelArray.shape.count == 2 && labelArray.shape[1] == 1) else {
            throw PenvizError.input(file, key: part.labels.key, "labels must be a 1-d array of class ids, got \(labelArray.dtype.name) \(labelArray.shape)")
        }
        guard labelArray.rowCount == rows else {
            throw PenvizError.input(file, key: part.labels.key, "\(labelArray.rowCount) labels for N = \(rows) feature rows")
        }
        func outside(_ row: Int, _ shown: String) -> PenvizError {
            PenvizError.input(file, key: part.labels.key, "label in row \(row) is \(shown), outside 0…\(classes - 1)")
        }
        // One typed read of the whole array: per-element lookups cost more than the checks on millions of rows.
        let labels: [Int]
        if let ids = labelArray.integers() {
            if let row = ids.firstIndex(where: { $0 < 0 || $0 >= classes }) { throw outside(row, String(ids[row])) }
            labels = ids
        } else {
            let values = labelArray.doubles()
            if let row = values.firstIndex(where: { !($0 >= 0 && $0 < Double(classes) && $0 == $0.rounded()) }) {
                let value = values[row]
                guard value.isFinite, value == value.rounded() else {
                    throw PenvizError.input(file, key: part.labels.key, "label in row \(row) is \(value), not an integer")
                }
                // `value` may be far outside Int's range (1e300): print it as a Double, never convert it.
                throw outside(row, abs(value) < 1e15 ? String(Int(value)) : String(value))
            }
            labels = values.map { Int($0) }
        }

        var logits: ArrayView?
        if let stored = part.logits {
            let array = stored.array
            guard array.dtype.isNumeric, array.shape.count == 2, array.shape[0] == rows, array.shape[1] == classes else {
                throw PenvizError.input(
                    file, key: stored.key, "logits must be N×K = \(rows)×\(classes), got shape \(array.shape)")
            }
            logits = array
        }

        let badRows = nonfiniteRows(checksFeatures ? features : nil, logits, progress: progress)
        guard let firstBad = badRows.first else {
            return Split(name: part.name, features: features, labels: labels, logits: logits, featuresKey: part.features.key)
        }
        guard dropNonfinite else {
            let inFeatures = checksFeatures && (0..<dimension).contains { !features.double(row: firstBad, column: $0).isFinite }
            let key = inFeatures ? part.features.key : part.logits!.key
            throw PenvizError.input(file, key: key, "row \(firstBad) holds a non-finite value (use --drop-nonfinite to skip such rows)")
        }
        notes.append("\(file): split '\(part.name)': dropped \(badRows.count) rows with non-finite values")
        let bad = Set(badRows)
        let kept = (0..<rows).filter { !bad.contains($0) }
        return Split(
            name: part.name,
            features: try copiedRows(features, kept),
            labels: kept.map { labels[$0] },
            logits: try logits.map { try copiedRows($0, kept) },
            fileRows: kept, featuresKey: part.features.key)
    }

    /// Rows of `features` (and `logits`) that hold a NaN or an infinity, in order.
    private static func nonfiniteRows(_ features: ArrayView?, _ logits: ArrayView?, progress: (any WorkProgress)?) -> [Int] {
        Set(features?.nonfiniteRows(progress: progress) ?? []).union(logits?.nonfiniteRows() ?? []).sorted()
    }

    /// A Float64 copy of the given rows of a 2-d array.
    private static func copiedRows(_ array: ArrayView, _ rows: [Int]) throws -> ArrayView {
        let columns = array.columnCount
        let storage = ByteStorage(count: rows.count * columns * 8) { bytes in
            let values = bytes.bindMemory(to: Double.self)
            for (position, row) in rows.enumerated() {
                array.readRow(row, into: UnsafeMutableBufferPointer(rebasing: values[(position * columns)..<((position + 1) * columns)]))
            }
        }
        return try ArrayView(shape: [rows.count, columns], dtype: .float64, byteOrder: .host, storage: storage)
    }
}
