import ArgumentParser
import PenvizRender

extension AxisSharing: ExpressibleByArgument {}

/// The look of a figure: page size, points, background, sampling.
struct FigureOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("Page width in points (default: fits the panels).", valueName: "pt"))
    var width: Double?

    @Option(help: ArgumentHelp("Page height in points (default: fits the panels).", valueName: "pt"))
    var height: Double?

    @Option(help: ArgumentHelp("PNG pixels per point.", valueName: "n"))
    var scale: Double = 3

    @Option(help: ArgumentHelp("Point diameter in points.", valueName: "pt"))
    var pointSize: Double = 2.2

    @Option(help: ArgumentHelp("Point opacity, 0–1.", valueName: "a"))
    var alpha: Double = 0.5

    @Option(help: ArgumentHelp("At most this many points a class, a seeded sample (default: all).", valueName: "n"))
    var perClass: Int?

    @Option(help: ArgumentHelp("Seed of the per-class sample.", valueName: "n"))
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Panels with more points than this are drawn as per-class densities.", valueName: "n"))
    var densityThreshold: Int = 200_000

    @Flag(help: "Leave the background transparent.")
    var transparent = false

    @Option(help: ArgumentHelp("A title above the figure.", valueName: "text"))
    var title: String?

    func validate() throws {
        if let perClass, perClass < 1 { throw ValidationError("--per-class must be at least 1") }
        guard (0...1).contains(alpha) else { throw ValidationError("--alpha must lie in 0…1") }
    }

    /// The panels builder these options ask for.
    var planePanels: PlanePanels { PlanePanels(perClass: perClass, seed: seed) }

    /// Figure options for a grid of `columns` × `rows` panels, sharing axes as `axes` says.
    func figureOptions(columns: Int, rows: Int, axes: AxisSharing) -> FigureOptions {
        FigureOptions(
            width: width ?? Double(columns) * 230 + 130, height: height ?? Double(rows) * 230 + 40,
            scale: scale, pointSize: pointSize, pointAlpha: alpha, transparent: transparent, title: title,
            axes: axes, densityThreshold: densityThreshold)
    }
}
