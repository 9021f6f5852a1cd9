/// How the axes of an array of augmented logits are ordered: N×L×K, the layout
/// penviz documents (example, pass, class), or L×N×K, what `torch.stack` over
/// the passes gives.
public enum AugmentedLayout: String, Sendable, CaseIterable {
    /// Examples first: N×L×K.
    case examplesFirst = "NLK"
    /// Passes first: L×N×K.
    case passesFirst = "LNK"

    /// N, the examples, of an array of `shape` (three axes) in this layout.
    public func examples(_ shape: [Int]) -> Int { self == .examplesFirst ? shape[0] : shape[1] }

    /// L, the passes, of an array of `shape` (three axes) in this layout.
    public func passes(_ shape: [Int]) -> Int { self == .examplesFirst ? shape[1] : shape[0] }

    /// The C-order position of logit 0 of `example` in `pass`, for an array of `shape`.
    public func start(example: Int, pass: Int, shape: [Int]) -> Int {
        let k = shape[2]
        return self == .examplesFirst ? (example * shape[1] + pass) * k : (pass * shape[1] + example) * k
    }

    /// How `shape` reads in this layout: "600 examples × 5 passes".
    func reading(_ shape: [Int]) -> String {
        "\(examples(shape)) examples × \(passes(shape)) passes"
    }

    /// The layout of an array of `shape` whose examples have `labels` class ids when
    /// stored, unless `given`: the labels decide when they number one axis only;
    /// without them N×L×K is taken unless the first axis is the shorter (more passes
    /// than examples reads as a stack over passes).
    ///
    /// - Throws: ``PenvizError`` (input) naming `file` and `key` with both readings
    ///   when they cannot be told apart, asking for `--layout`.
    static func of(shape: [Int], labels: Int?, given: AugmentedLayout?, file: String, key: String) throws -> AugmentedLayout {
        if let given { return given }
        let (first, second) = (shape[0], shape[1])
        if let labels {
            if labels == first && labels != second { return .examplesFirst }
            if labels == second && labels != first { return .passesFirst }
            if labels != first && labels != second { return .examplesFirst }   // the labels' own check names the mismatch
        } else if first >= second {
            return .examplesFirst
        }
        throw PenvizError.input(
            file, key: key,
            "shape \(shape) reads two ways: as N×L×K \(AugmentedLayout.examplesFirst.reading(shape)), or as L×N×K (torch.stack over the"
                + " passes) \(AugmentedLayout.passesFirst.reading(shape)); say which with --layout NLK or --layout LNK")
    }
}
