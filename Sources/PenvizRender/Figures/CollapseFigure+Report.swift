import PenvizAnalysis

extension CollapseFigure {
    /// The bars of `runs`: a panel a neural-collapse figure, titled by its JSON key,
    /// a bar a run, and the split measured under the legend.
    public init(_ runs: [CollapseReport.RunEntry]) {
        let keys = runs[0].measured.statistics.figures.map(\.key)
        let charts = keys.indices.map { index in
            Chart(title: keys[index], values: runs.map { $0.measured.statistics.figures[index].value })
        }
        self.init(runs: runs.map(\.label), charts: charts, note: CollapseFigure.splitNote(runs))
    }

    /// The figure of `runs` at the page size it needs, its options from `options(size)`:
    /// the figures against α (``SweepFigure``) when three or more runs have distinct α,
    /// else the bars.
    public static func figure(of runs: [CollapseReport.RunEntry], options: (Size) -> FigureOptions) -> Figure {
        if SweepFigure.isSweep(runs.map(\.alpha)) {
            let charts = SweepFigure.charts(collapse: runs)
            return SweepFigure(charts: charts).figure(options: options(SweepFigure.pageSize(charts: charts.count)))
        }
        let bars = CollapseFigure(runs)
        return bars.figure(options: options(pageSize(charts: bars.charts.count, runs: bars.runs.count, columns: bars.columns)))
    }

    /// "measured on train" when every run was measured on one split, else "on each run's split", and how to read the bars.
    static func splitNote(_ runs: [CollapseReport.RunEntry]) -> String {
        let splits = Set(runs.map(\.measured.split))
        return (splits.count == 1 ? "measured on \(splits.first!)" : "measured on each run's split") + "; smaller is more collapsed"
    }
}
