import Foundation
import PenvizCore

/// Finds the parts of a run in an archive by the canonical keys and their
/// aliases (DESIGN.md §4), then checks them into a ``Run``.
public struct RunDiscovery: Sendable {
    /// Explicit keys that override the search.
    public var keys: RunKeys
    /// Class names from a `--class-names` file, which win over any stored names.
    public var classNamesFile: String?
    /// Drop rows with non-finite features or logits instead of failing.
    public var dropNonfinite: Bool
    /// Check the features for non-finite values while loading; false when the caller's
    /// own pass over them checks (see ``Run/init(parts:dropNonfinite:checksFeatures:progress:)``).
    public var checksFeatures: Bool

    public init(
        keys: RunKeys = RunKeys(), classNamesFile: String? = nil, dropNonfinite: Bool = false, checksFeatures: Bool = true
    ) {
        self.keys = keys
        self.classNamesFile = classNamesFile
        self.dropNonfinite = dropNonfinite
        self.checksFeatures = checksFeatures
    }

    /// Finds and checks the run stored in `archive`.
    public func run(in archive: ArrayArchive) throws -> Run {
        try run(from: parts(in: archive))
    }

    /// Checks the arrays ``parts(in:)`` found into a ``Run``, reporting every feature
    /// row it checks to `progress`.
    public func run(from parts: RunParts, progress: (any WorkProgress)? = nil) throws -> Run {
        try Run(parts: parts, dropNonfinite: dropNonfinite, checksFeatures: checksFeatures, progress: progress)
    }

    /// Finds the run's arrays in `archive` without checking their contents; the
    /// final layer (weight, bias) in `weights` when given (`--weights`), else in
    /// `archive` too. The weight is the one `--weight-key` names, else the first
    /// alias present, else the last 2-d weight that fits the features (``FinalLayerSearch``,
    /// with a note naming it).
    public func parts(in archive: ArrayArchive, weights: ArrayArchive? = nil) throws -> RunParts {
        let file = archive.path
        let available = Set(archive.entries.map(\.key))

        func load(_ key: String) throws -> NamedArray {
            NamedArray(key: key, array: try archive.array(key))
        }
        func explicit(_ key: String?, flag: String) throws -> NamedArray? {
            guard let key else { return nil }
            if !available.contains(key), RunKeys.isPattern(key) {
                return try concatenated(key, flag: flag)
            }
            guard available.contains(key) else {
                throw PenvizError.input(file, key: key, "no such array (given with \(flag)); `penviz inspect \(file)` lists the keys")
            }
            return try load(key)
        }

        /// The arrays whose keys match the glob `pattern`, read in natural order as one array.
        func concatenated(_ pattern: String, flag: String) throws -> NamedArray {
            let keys = RunKeys.matching(pattern, in: available)
            guard !keys.isEmpty else {
                throw PenvizError.input(file, key: pattern, "no array matches this pattern (given with \(flag)); `penviz inspect \(file)` lists the keys")
            }
            do {
                return NamedArray(key: pattern, array: try ArrayView(concatenating: keys.map { try archive.array($0) }))
            } catch ArrayError.partMismatch(let index, let reason) {
                throw PenvizError.input(file, key: keys[index], "cannot follow '\(keys[0])' in \(flag) '\(pattern)': \(reason)")
            } catch let error as ArrayError {
                throw PenvizError.input(file, key: pattern, error.description)
            }
        }

        var splits: [RunParts.SplitParts] = []
        if let template = keys.features, RunKeys.isSplitTemplate(template) {
            // '{split}_feats': a split for every key that matches, its labels and logits by the same name.
            for flag in [("--labels-key", keys.labels), ("--logits-key", keys.logits)] {
                if let given = flag.1, !RunKeys.isSplitTemplate(given) {
                    throw PenvizError.usage(
                        "--features-key '\(template)' names every split, so \(flag.0) must too: give it with \(RunKeys.splitPlaceholder), not '\(given)'")
                }
            }
            for (name, featuresKey) in RunKeys.splits(matching: template, in: available) {
                let labelsKey = keys.labels.map { RunKeys.filling($0, split: name) } ?? RunKeys.splitKey(name, "labels", in: available)
                guard let labelsKey, available.contains(labelsKey) else {
                    throw PenvizError.input(
                        file, key: featuresKey,
                        "split '\(name)' has features but no labels (looked for \(labelsKey ?? "\(name)_labels")); name them with --labels-key")
                }
                let logitsKey = keys.logits.map { RunKeys.filling($0, split: name) } ?? RunKeys.splitKey(name, "logits", in: available)
                splits.append(.init(
                    name: name, features: try load(featuresKey), labels: try load(labelsKey),
                    logits: try logitsKey.flatMap { available.contains($0) ? try load($0) : nil }))
            }
            guard !splits.isEmpty else {
                throw PenvizError.input(
                    file, "no array matches --features-key '\(template)'; the file holds " + RunDiscovery.listing(archive.entries.map(\.key)))
            }
        } else if let features = try explicit(keys.features, flag: "--features-key") {
            let name = RunDiscovery.splitName(ofFeaturesKey: features.key)
            guard let labelsKey = keys.labels ?? RunKeys.splitKey(name, "labels", in: available)
                ?? RunDiscovery.siblingPattern(of: features.key, part: "labels", in: available)
            else {
                throw PenvizError.input(file, key: features.key, "no labels for these features; name them with --labels-key")
            }
            let labels = try explicit(labelsKey, flag: "--labels-key")!
            let logitsKey = keys.logits ?? RunKeys.splitKey(name, "logits", in: available)
                ?? RunDiscovery.siblingPattern(of: features.key, part: "logits", in: available)
            splits.append(.init(name: name, features: features, labels: labels, logits: try explicit(logitsKey, flag: "--logits-key")))
        } else {
            for name in RunKeys.splitNames(in: available) {
                let featuresKey = RunKeys.splitKey(name, "features", in: available)!
                guard let labelsKey = RunKeys.splitKey(name, "labels", in: available) else {
                    throw PenvizError.input(file, key: featuresKey, "split '\(name)' has features but no \(name)_labels")
                }
                let logits = try RunKeys.splitKey(name, "logits", in: available).map(load)
                splits.append(.init(name: name, features: try load(featuresKey), labels: try load(labelsKey), logits: logits))
            }
        }
        guard !splits.isEmpty else {
            throw PenvizError.input(file, RunDiscovery.noSplitMessage(keys: archive.entries.map(\.key)))
        }

        // The final layer: from the --weights file when given, else from the run's own file.
        let layer = weights ?? archive
        let layerKeys = Set(layer.entries.map(\.key))
        let classNames = try self.classNames(in: archive, stored: explicit(keys.classNames, flag: "--class-names-key"))
            ?? (weights.map { try self.classNames(in: $0, stored: nil) } ?? nil)
        let labelSmoothing = try [archive, weights].compactMap { $0 }.first { $0.contains("label_smoothing") }
            .map { NamedArray(key: "label_smoothing", array: try $0.array("label_smoothing")) }
        var notes: [String] = []
        let weight: NamedArray
        if let key = keys.weight {
            guard layerKeys.contains(key) else {
                throw PenvizError.input(layer.path, key: key, "no such array (given with --weight-key); `penviz inspect \(layer.path)` lists the keys")
            }
            weight = NamedArray(key: key, array: try layer.array(key))
        } else if let key = RunKeys.weightAliases.first(where: layerKeys.contains) {
            weight = NamedArray(key: key, array: try layer.array(key))
        } else {
            let dimension = splits[0].features.array.shape.last ?? 0
            let classes = splits.compactMap { $0.logits?.array.shape.last }.first ?? classNames?.names.count
            let splitKeys = Set(splits.flatMap { [$0.features.key, $0.labels.key] + ($0.logits.map { [$0.key] } ?? []) })
            guard let found = FinalLayerSearch.find(in: layer.entries, dimension: dimension, classes: classes, excluding: splitKeys) else {
                let fits = "a 2-d '…weight' of D = \(dimension) columns" + (classes.map { " and K = \($0) rows" } ?? "")
                throw PenvizError.input(
                    layer.path, "no final-layer weight found (looked for \(RunKeys.weightAliases.joined(separator: ", ")), and for \(fits));"
                        + " name it with --weight-key" + (weights == nil ? ", or give the model's file with --weights" : ""))
            }
            weight = NamedArray(key: found.key, array: try layer.array(found.key))
            let evidence = "D = \(dimension) as the features" + (classes.map { ", K = \($0) as the \(splits.contains { $0.logits != nil } ? "logits" : "class names")" } ?? "")
            notes.append(
                "\(layer.path): final layer taken from '\(VisibleText.escaped(found.key))', the last 2-d weight that fits (\(evidence))"
                    + (found.others.isEmpty ? "" : "; also fit: " + found.others.map(VisibleText.escaped).joined(separator: ", ")))
        }

        var bias: NamedArray?
        if let key = keys.bias {
            guard layerKeys.contains(key) else {
                throw PenvizError.input(layer.path, key: key, "no such array (given with --bias-key); `penviz inspect \(layer.path)` lists the keys")
            }
            bias = NamedArray(key: key, array: try layer.array(key))
        } else {
            // Prefer the bias of the same layer as the weight (`fc.weight` → `fc.bias`).
            let sibling = weight.key.hasSuffix("weight") ? String(weight.key.dropLast("weight".count)) + "bias" : nil
            let candidates = (sibling.map { [$0] } ?? []) + RunKeys.biasAliases
            if let key = candidates.first(where: layerKeys.contains) { bias = NamedArray(key: key, array: try layer.array(key)) }
        }

        return RunParts(
            source: file, name: RunDiscovery.displayName(of: file), weight: weight, bias: bias,
            classNames: classNames, labelSmoothing: labelSmoothing, splits: splits,
            layerSource: weights?.path ?? file, notes: notes)
    }

    /// The class names: from the `--class-names` file when given, else the array
    /// `stored` (a `--class-names-key`), else `class_names` when the archive has it.
    func classNames(in archive: ArrayArchive, stored: NamedArray?) throws -> (origin: ClassNamesOrigin, names: [String])? {
        if let path = classNamesFile { return (.file(path), try ClassNamesFile.read(path)) }
        let found: NamedArray?
        do {
            found = try stored ?? (archive.contains("class_names") ? NamedArray(key: "class_names", array: archive.array("class_names")) : nil)
        } catch let error as PenvizError where archive.entries.contains(where: { $0.key == "class_names" && $0.storedType.contains("O") }) {
            // np.array(names) of Python strings with a None, or dtype=object: a pickle.
            throw PenvizError(error.kind, error.message + "; save class names as np.array(names, dtype=str), or give --class-names FILE")
        }
        guard let found else { return nil }
        do {
            return (.key(found.key), try found.array.strings())
        } catch let error as ArrayError {
            throw PenvizError.input(archive.path, key: found.key, "class names: \(error)")
        }
    }

    /// The split a features key belongs to: `val_features` → `val`, `test/features` → `test`,
    /// and for a pattern the part before its `_features`/`/features` (`train_features_rank*` → `train`);
    /// anything else → the key itself.
    static func splitName(ofFeaturesKey key: String) -> String {
        for suffix in RunKeys.splitSeparators.map({ $0 + "features" }) where key.hasSuffix(suffix) && key.count > suffix.count {
            return String(key.dropLast(suffix.count))
        }
        for infix in ["_features", "/features"] where RunKeys.isPattern(key) {
            if let range = key.range(of: infix), range.lowerBound > key.startIndex {
                return String(key[..<range.lowerBound])
            }
        }
        return key
    }

    /// For a features pattern, the same pattern naming `part` instead (`train_features_rank*` →
    /// `train_labels_rank*`) when it matches some key; nil otherwise.
    static func siblingPattern(of featuresKey: String, part: String, in keys: Set<String>) -> String? {
        guard RunKeys.isPattern(featuresKey), featuresKey.contains("features") else { return nil }
        let sibling = featuresKey.replacingOccurrences(of: "features", with: part)
        return RunKeys.matching(sibling, in: keys).isEmpty ? nil : sibling
    }

    /// A run's short name: its file or folder name without the extension.
    static func displayName(of path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let last = url.lastPathComponent
        return url.pathExtension.isEmpty ? last : String(last.dropLast(url.pathExtension.count + 1))
    }
}
