/// The arrays of one run as found in a file, before they are checked.
///
/// Run discovery (in PenvizIO) fills this in by key; ``Run/init(parts:dropNonfinite:checksFeatures:progress:)``
/// checks every shape, label and value and builds the ``Run``.
public struct RunParts: Sendable {
    /// The arrays of one split as found in a file.
    public struct SplitParts: Sendable {
        /// The split's name (`train`, `val`, `test`, …).
        public var name: String
        /// N×D penultimate activations.
        public var features: NamedArray
        /// N integer class ids.
        public var labels: NamedArray
        /// Optional N×K logits.
        public var logits: NamedArray?

        public init(name: String, features: NamedArray, labels: NamedArray, logits: NamedArray? = nil) {
            self.name = name
            self.features = features
            self.labels = labels
            self.logits = logits
        }
    }

    /// The file or folder the run came from, named in every error.
    public var source: String
    /// A short name for titles (the file name without its extension).
    public var name: String
    /// The K×D final-layer weight.
    public var weight: NamedArray
    /// The K final-layer biases; nil when the run stores none.
    public var bias: NamedArray?
    /// The class names and where they came from (a key, or a file given with `--class-names`).
    public var classNames: (origin: ClassNamesOrigin, names: [String])?
    /// The 0-d `label_smoothing` array, when stored.
    public var labelSmoothing: NamedArray?
    /// The splits, in display order.
    public var splits: [SplitParts]
    /// The file the weight and bias came from, named in their errors: ``source``, or
    /// the model's file given with `--weights`.
    public var layerSource: String
    /// What finding the parts decided that the user should know (which layer a search took).
    public var notes: [String]

    public init(
        source: String, name: String, weight: NamedArray, bias: NamedArray? = nil,
        classNames: (origin: ClassNamesOrigin, names: [String])? = nil, labelSmoothing: NamedArray? = nil,
        splits: [SplitParts], layerSource: String? = nil, notes: [String] = []
    ) {
        self.source = source
        self.name = name
        self.weight = weight
        self.bias = bias
        self.classNames = classNames
        self.labelSmoothing = labelSmoothing
        self.splits = splits
        self.layerSource = layerSource ?? source
        self.notes = notes
    }
}
