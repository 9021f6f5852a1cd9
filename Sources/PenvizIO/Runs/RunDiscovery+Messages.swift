extension RunDiscovery {
    /// How many arrays a file holds and their keys, the first ``listedKeys`` in the
    /// file's order: "3 arrays: fc.weight, fc.bias, train_feats".
    static func listing(_ keys: [String]) -> String {
        guard !keys.isEmpty else { return "no arrays" }
        let more = keys.count > listedKeys ? " and \(keys.count - listedKeys) more" : ""
        return "\(keys.count) array\(keys.count == 1 ? "" : "s"): " + keys.prefix(listedKeys).joined(separator: ", ") + more
    }

    /// Keys a message lists at most.
    static let listedKeys = 20

    /// The error for a file in which no split was found: what it holds, what penviz
    /// looks for, and how to map other names; for a file of layer parameters alone
    /// (a `state_dict`), that the activations are missing and where they come from.
    static func noSplitMessage(keys: [String]) -> String {
        let wanted = "penviz needs the penultimate activations of some examples and their labels, saved as S_features (N×D)"
            + " and S_labels (N class ids) for splits S such as train and val (also spelled S/features or S.features)"
        if !keys.isEmpty, keys.allSatisfy(isLayerParameter) {
            return "no split found: the file holds only layer parameters (\(listing(keys))); " + wanted
                + ": record the input of the final layer with a forward hook and save it with the labels"
        }
        return "no split found: the file holds \(listing(keys)); " + wanted
            + "; map other names with --features-key '{split}_feats' --labels-key '{split}_y'"
    }

    /// True for the key of a model parameter or of run metadata: a weight or bias
    /// (`fc.weight`, `W`), a batch-norm buffer, `class_names`, `label_smoothing`.
    private static func isLayerParameter(_ key: String) -> Bool {
        let suffixes = ["weight", "bias", "running_mean", "running_var", "num_batches_tracked"]
        return RunKeys.weightAliases.contains(key) || RunKeys.biasAliases.contains(key)
            || ["class_names", "label_smoothing"].contains(key)
            || suffixes.contains { key.hasSuffix("." + $0) || key.hasSuffix("/" + $0) }
    }
}
