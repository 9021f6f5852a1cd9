import PenvizCore

extension ReportMetrics {
    /// Every split of one run: the number of examples and the top-1 accuracy of
    /// its logits, beside the compared splits whose metrics ``ComparisonMetrics``
    /// holds (the run's K, D, α and file are there too, in `comparison.runs`).
    ///
    /// ```text
    /// label   the run's label (--labels, default the file name without extension)
    /// splits  [{name, n, logits: "stored" | "computed", accuracy}], in the run's order
    /// ```
    public struct RunSplits: Codable, Equatable, Sendable {
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
        /// Every split of the run.
        public var splits: [SplitSummary]

        /// A run entry from its parts.
        public init(label: String, splits: [SplitSummary]) {
            self.label = label
            self.splits = splits
        }

        /// Measures every split of `compared`: the accuracy of its stored logits,
        /// or of `x·Wᵀ + b` computed in Float64 when it saved none.
        ///
        /// - Throws: ``PenvizError`` (input) naming the run and split when a split has no examples.
        public init(measuring compared: ComparedRun) throws {
            let run = compared.run
            self.init(
                label: compared.label,
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
    }
}
