import ArgumentParser
import PenvizRender

extension AxisSharing: ExpressibleByArgument {}

/// The look of a scatter figure: the page (``PageOptionGroup``) plus how the
/// points are drawn and sampled.
struct FigureOptionGroup: ParsableArguments {
    @OptionGroup
    var page: PageOptionGroup

    @Option(parsing: .unconditional, help: ArgumentHelp("Point diameter in points, 0.1–50.", valueName: "pt"))
    var pointSize: Double = 2.2

    @Option(parsing: .unconditional, help: ArgumentHelp("Point opacity, 0–1.", valueName: "a"))
    var pointAlpha: Double = 0.5

    @Option(parsing: .unconditional, help: ArgumentHelp("At most this many points a class (at least 1), a seeded sample (default: all).", valueName: "n"))
    var perClass: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the per-class sample.", valueName: "n"))
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("Panels with more points than this (0 or more) are drawn as per-class densities.", valueName: "n"))
    var densityThreshold: Int = 200_000

    @Flag(help: "Label the axes of the plane, 'e1 (a → b)' and 'e2 (towards c)' (the paper leaves them bare).")
    var axisLabels = false

    func validate() throws {
        if let perClass { try OptionRange.check("--per-class", perClass, in: OptionRange.perClass) }
        try OptionRange.check("--point-alpha", pointAlpha, in: OptionRange.pointAlpha)
        try OptionRange.check("--point-size", pointSize, in: OptionRange.pointSize)
        try OptionRange.check("--density-threshold", densityThreshold, in: OptionRange.densityThreshold)
    }

    /// The panels builder these options ask for.
    var planePanels: PlanePanels { PlanePanels(perClass: perClass, seed: seed, axisLabels: axisLabels) }

    /// Figure options for a grid of `columns` × `rows` panels, sharing axes as `axes` says.
    func figureOptions(columns: Int, rows: Int, axes: AxisSharing) -> FigureOptions {
        var options = page.figureOptions(size: Size(width: Double(columns) * 230 + 130, height: Double(rows) * 230 + 40))
        options.pointSize = pointSize
        options.pointAlpha = pointAlpha
        options.axes = axes
        options.densityThreshold = densityThreshold
        return options
    }
}
