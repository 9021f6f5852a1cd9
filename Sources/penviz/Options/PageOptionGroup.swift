import ArgumentParser
import PenvizRender

/// The page of a figure without scatter points: size, resolution, background, title.
struct PageOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("Page width in points (default: fits the panels).", valueName: "pt"))
    var width: Double?

    @Option(help: ArgumentHelp("Page height in points (default: fits the panels).", valueName: "pt"))
    var height: Double?

    @Option(help: ArgumentHelp("PNG pixels per point.", valueName: "n"))
    var scale: Double = 3

    @Flag(help: "Leave the background transparent.")
    var transparent = false

    @Option(help: ArgumentHelp("A title above the figure.", valueName: "text"))
    var title: String?

    func validate() throws {
        for (name, value) in [("--width", width), ("--height", height), ("--scale", scale)] {
            if let value, !(value > 0 && value.isFinite) {
                throw ValidationError("\(name) must be a positive number, got \(value)")
            }
        }
    }

    /// Figure options for a page of `size` unless --width or --height say otherwise.
    func figureOptions(size: Size) -> FigureOptions {
        FigureOptions(width: width ?? size.width, height: height ?? size.height, scale: scale,
                      transparent: transparent, title: title)
    }
}
