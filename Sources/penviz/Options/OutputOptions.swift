import ArgumentParser

/// Where a measuring command writes: an optional figure and an optional
/// metrics file, besides the table it always prints.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Draw the figure to this file: .png, .svg or .pdf.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Write every metric to this .json file.", valueName: "file"))
    var metrics: String?

    /// Checks both extensions before any work, so a typo fails fast (exit 64) and writes nothing.
    func checkExtensions() throws {
        if let out { _ = try OutputPath(out, allowed: [.png, .svg, .pdf]) }
        if let metrics { _ = try OutputPath(metrics, allowed: [.json], option: "--metrics") }
    }
}
