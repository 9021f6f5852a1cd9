import PenvizAnalysis

extension ReportDocument.Section {
    /// How to read each neural-collapse figure, in ``NeuralCollapse/figures`` order.
    static let collapseMeanings = [
        "within-class spread against the spread of the class means, Tr(Σ_W Σ_B⁺)/K'",
        "how unequal the distances of the class means from their centre are (std/mean)",
        "how unequal the lengths of the classifier rows are (std/mean)",
        "how unequal the angles between class means are (std of the cosines)",
        "how far the angles are from a simplex's, mean |cos + 1/(K' − 1)|",
        "how far the classifier rows are from the centred class means",
        "share of examples predicted as another class than their nearest class mean",
        "within-class variance against the distances between class means",
    ]

    /// Section 6: neural collapse (Papyan, Han & Donoho 2020) of every run, a figure of
    /// every statistic (bars, or curves against α for a sweep), a table with what each
    /// statistic means, and the finding of what changed from the first run to each other.
    static func collapse(_ metrics: ReportMetrics, figures: inout ReportDocument.FigureCounter) -> Built {
        let runs = metrics.comparison.runs
        let sweep = metrics.hasSweep
        let splits = Set(runs.map(\.collapse.split))
        let on = splits.count == 1 ? "the \(splits.first!) split" : "each run's training split"
        let intro = "The paper's pictures show label smoothing making tight, equally separated clusters. Neural collapse"
            + " (Papyan, Han & Donoho, PNAS 2020) puts numbers on that geometry, here on \(on): examples collapse onto their"
            + " class means (nc1, cdnv), the means form an equinorm, equiangular simplex (nc2), the classifier aligns with"
            + " them (nc3) and becomes a nearest-class-mean rule (nc4). Smaller is more collapsed for every one."
        let figure = figures.next(
            .collapse,
            caption: sweep
                ? "Each panel is one neural-collapse statistic against label smoothing α, a marker a run."
                : "Each panel is one neural-collapse statistic, a bar a run, its value above it; smaller is more collapsed.",
            description: sweep
                ? "Small line charts of the eight neural-collapse statistics against α."
                : "Bar charts of the eight neural-collapse statistics, one bar per run.")

        var table = ReportTable(
            caption: "Neural collapse on \(on)",
            columns: [.init("statistic", numeric: false)] + runs.map { .init($0.label) })
        table.append([.term("n", detail: "rows measured, of the split's")] + runs.map { run in
            .text(run.collapse.isSample
                ? "\(ReportNumber.count(run.collapse.statistics.n)) of \(ReportNumber.count(run.collapse.examples))"
                : ReportNumber.count(run.collapse.examples))
        })
        for (index, meaning) in collapseMeanings.enumerated() {
            table.append([.term(runs[0].collapse.statistics.figures[index].key, detail: meaning)]
                + runs.map { run in .text(ReportNumber.cell(run.collapse.statistics.figures[index].value)) })
        }
        let sampled = runs.filter(\.collapse.isSample)
        let sample: [ReportDocument.Block] = sampled.isEmpty ? [] : [
            .note("The statistics cost N·K'·(D + K') in Float64, so they were taken on a seeded stratified sample of each"
                + " split that keeps every class's share (--collapse-max-rows).")
        ]
        let findings = runs.count == 1
            ? [Findings.collapse(of: (runs[0].label, runs[0].collapse.statistics))]
            : runs.dropFirst().map { Findings.collapse(from: (runs[0].label, runs[0].collapse.statistics), to: ($0.label, $0.collapse.statistics)) }
        return Built(section: .init(id: "collapse", title: "Neural collapse",
                                    blocks: [.paragraph(intro), .figure(figure), .table(table)] + sample + [.findings(findings)]),
                     headline: findings)
    }
}
