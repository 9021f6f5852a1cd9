import ArgumentParser
import PenvizCore
import PenvizRender

/// `penviz plot`: the template-plane scatter of one run, a panel per split.
struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the template-plane scatter of a run, one panel per split.",
        discussion: """
            Projects the examples of three classes onto the plane through their \
            templates and draws them, a panel per split side by side, with the \
            templates marked and labelled. The output's extension picks the format.

            Example:
              penviz plot examples/fashion-mnist/smoothed.npz \\
                  --classes T-shirt/top,Pullover,Shirt --splits train,val --out smoothed.png
            """)

    @Argument(help: ArgumentHelp("The run: .npz, .safetensors or a folder of .npy files.", valueName: "run"))
    var runPath: String

    @Option(help: ArgumentHelp("Three classes, by name or id: a,b,c (a comma inside a name is \\,).", valueName: "a,b,c"), transform: ClassTriplet.init(parsing:))
    var classes: ClassTriplet

    @Option(
        help: ArgumentHelp("Splits to draw (default: train,val when the run has both, else all).", valueName: "a,b"))
    var splits: SplitNames?

    @Option(help: ArgumentHelp("Axis limits: shared by every panel, or independent.", valueName: "shared|independent"))
    var axes: AxisSharing = .shared

    @Flag(help: "Leave the bias out of the templates and the appended 1 out of the examples.")
    var noBias = false

    @OptionGroup(title: "Output")
    var figures: FigureFiles

    @OptionGroup(title: "Figure")
    var look: FigureOptionGroup

    @OptionGroup(title: "Run keys")
    var runOptions: RunOptions

    func validate() throws {
        try figures.requireOne()
    }

    func run() throws {
        try figures.check()
        try InputProtection.check(inputs: [runPath] + runOptions.inputFiles, outputs: figures.out)
        let loaded = try runOptions.load(runPath)
        let ids = try classes.ids(in: loaded)
        let chosen = try SplitChoice.many(splits?.names, in: loaded)
        let plane = try TemplatePlane(
            weight: loaded.weight, bias: loaded.bias, triplet: Triplet(ids[0], ids[1], ids[2]),
            includeBias: !noBias, classNames: loaded.classNames)
        let styles = PlanePanels.classes(of: plane, in: loaded, palette: look.page.style.palette)
        let panels = try chosen.map { split in
            let panel = look.planePanels.panel(split: split, plane: plane, classes: styles, title: "\(loaded.name) · \(split.name)")
            try split.features.verifyStorage()
            return panel
        }
        let figure = Figure(
            rows: [Figure.Row(panels: PlanePanels.sideBySide(panels), legend: Legend(classes: styles))],
            options: look.figureOptions(columns: panels.count, rows: 1, axes: axes))
        try figures.write(figure)
    }
}
