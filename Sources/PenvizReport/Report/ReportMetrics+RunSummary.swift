import PenvizCore

extension ReportMetrics {
    /// One run at a glance: its shape and, for every split it has, the number of
    /// examples and the top-1 accuracy of its logits.
    ///
    /// ```text
    /// label   the run's label (--labels, default the file name without extension)
    /// source  the file or folder it was read from
    /// alpha   label smoothing α (--label-smoothing, else the run's stored label_smoothing), or null
    /// K, D    number of classes and feature dimension
    /// splits  [{name, n, logits: "stored" | "computed", accuracy}], in the run's order
    /// ```
    public struct RunSummary: Codable, Equatable, Sendable {
        /// One split of the run.
        public struct SplitSummary: Codable, Equatable, Sendable {
            /// The split's name.
            public var name: String
            /// Number of examples, N.
            public var count: Int
            /// Where the logits came from.
            public var logits: ComparisonMetrics.SplitMetrics.LogitOrigin
            /// Top-1 accuracy (argmax ties to the lowest id).
            public var accuracy: Double

            /// A split entry from its parts.
            public init(name: String, count: Int, logits: ComparisonMetrics.SplitMetrics.LogitOrigin, accuracy: Double) {
                self.name = name
                self.count = count
                self.logits = logits
                self.accuracy = accuracy
            }

            private enum CodingKeys: String, CodingKey {
                case name
                case count = "n"
                case logits, accuracy
            }
        }

        /// The run's label.
        public var label: String
        /// The file or folder the run came from.
        public var source: String
        /// The run's label smoothing α; nil when unknown.
        @NullEncoded public var alpha: Double?
        /// Number of classes, K.
        public var classCount: Int
        /// Feature dimension, D.
        public var dimension: Int
        /// Every split of the run.
        public var splits: [SplitSummary]

        /// A run entry from its parts.
        public init(label: String, source: String, alpha: Double?, classCount: Int, dimension: Int, splits: [SplitSummary]) {
            self.label = label
            self.source = source
            self.alpha = alpha
            self.classCount = classCount
            self.dimension = dimension
            self.splits = splits
        }

        /// Summarises `compared`: the accuracy of each split's stored logits, or of
        /// `x·Wᵀ + b` computed in Float64 when it saved none.
        ///
        /// - Throws: ``PenvizError`` (input) naming the run and split when a split has no examples.
        public init(summarizing compared: ComparedRun) throws {
            let run = compared.run
            self.init(
                label: compared.label, source: run.source, alpha: compared.alpha, classCount: run.classCount,
                dimension: run.dimension,
                splits: try run.splits.map { split in
                    let source = split.logits.map(LogitSource.stored)
                        ?? .computed(features: split.features, weight: run.weight, bias: run.bias)
                    do {
                        let geometry = try LogitGeometry(logits: source, labels: split.labels)
                        return SplitSummary(
                            name: split.name, count: split.count, logits: source.isComputed ? .computed : .stored,
                            accuracy: geometry.accuracy)
                    } catch let error as PenvizError {
                        throw PenvizError.input(run.source, "split '\(split.name)': \(error.message)")
                    }
                })
        }

        private enum CodingKeys: String, CodingKey {
            case label, source, alpha
            case classCount = "K"
            case dimension = "D"
            case splits
        }
    }
}
