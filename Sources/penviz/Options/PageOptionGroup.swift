import ArgumentParser
import PenvizRender

/// The page of a figure without scatter points: size, resolution, background,
/// title, text size and colours.
struct PageOptionGroup: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Page width in points, 72–14400 (default: fits the panels).", valueName: "pt"))
    var width: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Page height in points, 72–14400 (default: fits the panels).", valueName: "pt"))
    var height: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("PNG pixels per point, 0.25–16; a PNG holds at most 100 million pixels.", valueName: "n"))
    var scale: Double = 3

    @Flag(help: "Leave the background transparent.")
    var transparent = false

    @Option(help: ArgumentHelp("A title above the figure.", valueName: "text"))
    var title: String?

    @OptionGroup
    var style: FigureStyleOptions

    func validate() throws {
        if let width { try OptionRange.check("--width", width, in: OptionRange.pageSide) }
        if let height { try OptionRange.check("--height", height, in: OptionRange.pageSide) }
        try OptionRange.check("--scale", scale, in: OptionRange.scale)
    }

    /// Figure options for a page of `size` unless --width or --height say otherwise;
    /// a page neither sets grows when the figure's text needs more room.
    func figureOptions(size: Size) -> FigureOptions {
        style.applied(to: FigureOptions(width: width ?? size.width, height: height ?? size.height, scale: scale,
                                        transparent: transparent, title: title, growsToFit: width == nil && height == nil))
    }
}
