/// A command's metrics and the style of its figure as one JSON document: the
/// metrics' own keys, unchanged, with `figure_style` (``FigureStyle``) beside them.
///
/// ```swift
/// try JSONOutput.write(StyledMetrics(comparison.metrics, style: FigureStyle(options: options, axisLabels: false)),
///                      to: "compare.json")
/// ```
public struct StyledMetrics<Metrics: Encodable & Sendable>: Encodable, Sendable {
    /// The metrics, encoded as their own type encodes them.
    public var metrics: Metrics
    /// How the figure was drawn.
    public var style: FigureStyle

    /// `metrics` with the `style` of their figure.
    public init(_ metrics: Metrics, style: FigureStyle) {
        self.metrics = metrics
        self.style = style
    }

    private enum CodingKeys: String, CodingKey {
        case style = "figure_style"
    }

    /// The metrics' keyed container, then `figure_style` added to the same object.
    public func encode(to encoder: any Encoder) throws {
        try metrics.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(style, forKey: .style)
    }
}
