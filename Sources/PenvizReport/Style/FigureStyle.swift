import PenvizAnalysis
import PenvizRender

/// How a command drew its figures, recorded as `figure_style` in its metrics JSON,
/// so a figure can be redrawn alike and a reader knows what the colours were:
///
/// ```text
/// font_scale   1       text size relative to the default (--font-scale)
/// palette      "okabe-ito"   the colours (--palette)
/// axis_labels  false   whether the plane panels label their axes (--axis-labels);
///                      null for commands without plane panels (calibrate, erasure)
/// ```
public struct FigureStyle: Codable, Equatable, Sendable {
    /// Every text at this many times its default size.
    public var fontScale: Double
    /// The palette's name.
    public var palette: String
    /// Whether the plane panels' axes are labelled; nil when the figure has no plane panel.
    @NullEncoded public var axisLabels: Bool?

    /// A style of text at `fontScale`, colours from `palette`, and plane panels
    /// labelled when `axisLabels` is true (nil: the figure has none).
    public init(fontScale: Double, palette: Palette, axisLabels: Bool?) {
        self.fontScale = fontScale
        self.palette = palette.name
        self.axisLabels = axisLabels
    }

    /// The style of a figure drawn with `options` (see ``init(fontScale:palette:axisLabels:)``).
    public init(options: FigureOptions, axisLabels: Bool?) {
        self.init(fontScale: options.fontScale, palette: options.palette, axisLabels: axisLabels)
    }

    private enum CodingKeys: String, CodingKey {
        case fontScale = "font_scale"
        case palette
        case axisLabels = "axis_labels"
    }
}
