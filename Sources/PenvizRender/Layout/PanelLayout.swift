/// Where one panel's plot area, ticks and labels go on the page.
public struct PanelLayout: Equatable, Sendable {
    /// The panel being laid out.
    public let panel: Panel
    /// The grid cell the panel owns, labels included.
    public let cell: Rect
    /// The data-to-page transform; its frame is the plot area.
    public let transform: DataTransform
    /// The horizontal ticks.
    public let xTicks: Ticks
    /// The vertical ticks.
    public let yTicks: Ticks
    /// The labels under the horizontal ticks.
    public let xTickLabels: [PlacedText]
    /// The labels left of the vertical ticks.
    public let yTickLabels: [PlacedText]
    /// The panel title above the plot area.
    public let title: PlacedText?
    /// The horizontal axis label.
    public let xLabel: PlacedText?
    /// The vertical axis label.
    public let yLabel: PlacedText?
    /// The caption under everything else.
    public let caption: PlacedText?
    /// The labels of the template markers, in the order of the panel's templates,
    /// kept inside the plot area.
    public let templateLabels: [PlacedText]

    /// The plot area on the page.
    public var frame: Rect { transform.frame }

    /// Every piece of text of the panel outside the plot area.
    public var texts: [PlacedText] {
        xTickLabels + yTickLabels + [title, xLabel, yLabel, caption].compactMap { $0 }
    }
}
