import ArgumentParser
import PenvizIO
import PenvizRender

/// Where a measuring command writes: figure files and an optional metrics
/// file, besides the table it always prints.
struct OutputOptions: ParsableArguments {
    @OptionGroup var figures: FigureFiles

    @Option(help: ArgumentHelp("Write every metric to this .json file (missing folders are made).", valueName: "file"))
    var metrics: String?

    /// Every file the command writes: the figures, then the metrics.
    var files: [String] { figures.out + (metrics.map { [$0] } ?? []) }

    /// Checks every extension before any work, so a typo fails fast (exit 64) and writes nothing.
    func checkExtensions() throws {
        try figures.check()
        if let metrics { _ = try OutputPath(metrics, allowed: [.json], option: "--metrics") }
    }

    /// Draws `figure` to every `--out` file (and each of `others` to its own files) and
    /// encodes `metrics` to `--metrics`, then writes them together: all of them, or on any
    /// failure (a figure that cannot be drawn, a metric JSON cannot hold, a full disk)
    /// none, every older file untouched.
    func write(
        _ figure: @autoclosure () throws -> Figure, metrics value: some Encodable,
        others: [(files: [String], figure: () throws -> Figure)] = []
    ) throws {
        // Non-finite metrics (inputs too large for Float64) stop the command before any output, JSON or not.
        if metrics == nil { try JSONOutput.checkFinite(value) }
        let batch = OutputBatch()
        try figures.write(figure(), in: batch)
        for other in others where !other.files.isEmpty { try other.figure().write(to: other.files, in: batch) }
        if let metrics { try JSONOutput.write(value, to: metrics, in: batch) }
        try batch.commit()
    }
}
