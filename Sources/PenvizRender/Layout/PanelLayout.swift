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
    /// The caption under everything else: one line, or two when one is too long for the cell.
    public let caption: [PlacedText]
    /// The labels of the template markers, in the order of the panel's templates,
    /// kept inside the plot area.
    public let templateLabels: [PlacedText]
    /// The panel's text marks as placed, in the order of its marks, each with its
    /// halo; a mark too wide for its ``TextMark/fitWidth`` even at the smallest size is left out.
    public let markTexts: [MarkText]

    /// A text mark as placed: the text, and the halo drawn behind its glyphs.
    public struct MarkText: Equatable, Sendable {
        /// The placed text, in the font it is drawn in.
        public var text: PlacedText
        /// The halo's colour, or nil for none.
        public var halo: Color?
    }

    /// The plot area on the page.
    public var frame: Rect { transform.frame }

    /// Every piece of text of the panel outside the plot area.
    public var texts: [PlacedText] {
        xTickLabels + yTickLabels + [title, xLabel, yLabel].compactMap { $0 } + caption
    }
}
