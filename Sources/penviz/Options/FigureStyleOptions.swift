import ArgumentParser
import PenvizRender

extension Palette: ExpressibleByArgument {
    /// The palette `--palette` names.
    public init?(argument: String) {
        guard let palette = Palette.named(argument) else { return nil }
        self = palette
    }

    public static var allValueStrings: [String] { Palette.all.map(\.name) }

    public var defaultValueDescription: String { name }
}

/// The text size and colours of every figure a command draws, recorded in its
/// metrics JSON as `figure_style`.
struct FigureStyleOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Every text of the figures this many times its default size (8–12 pt), 0.5–3.", valueName: "x"))
    var fontScale: Double = 1

    @Option(help: ArgumentHelp(
        "The colours: okabe-ito (colour-blind safe), tol-bright (colour-blind safe), or tol-high-contrast "
            + "(colour-blind safe and apart in grey scale, for print).", valueName: "name"))
    var palette: Palette = .okabeIto

    func validate() throws {
        try OptionRange.check("--font-scale", fontScale, in: OptionRange.fontScale)
    }

    /// `options` with this text size and palette.
    func applied(to options: FigureOptions) -> FigureOptions {
        var options = options
        options.fontScale = fontScale
        options.palette = palette
        return options
    }
}
