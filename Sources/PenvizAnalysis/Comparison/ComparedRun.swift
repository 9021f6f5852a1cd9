import PenvizCore

/// One run of a comparison: the run, the label its figure columns and metrics
/// carry, and its label smoothing α when known.
public struct ComparedRun: Sendable {
    /// The label of the run's columns, such as `hard` or `smoothed`.
    public var label: String
    /// The run.
    public var run: Run
    /// The run's label smoothing α; nil when unknown.
    public var alpha: Double?

    /// A compared run; `alpha` defaults to the α the run stored (`label_smoothing`).
    public init(label: String, run: Run, alpha: Double? = nil) {
        self.label = label
        self.run = run
        self.alpha = alpha ?? run.labelSmoothing
    }
}
