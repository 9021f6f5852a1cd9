import ArgumentParser

/// Where a measuring command writes: figure files and an optional metrics
/// file, besides the table it always prints.
struct OutputOptions: ParsableArguments {
    @OptionGroup var figures: FigureFiles

    @Option(help: ArgumentHelp("Write every metric to this .json file.", valueName: "file"))
    var metrics: String?

    /// Checks every extension before any work, so a typo fails fast (exit 64) and writes nothing.
    func checkExtensions() throws {
        try figures.check()
        if let metrics { _ = try OutputPath(metrics, allowed: [.json], option: "--metrics") }
    }
}
