import PenvizAnalysis

extension ReportDocument.Section {
    /// Section 7, when three or more runs have distinct α: every measure against α in
    /// small panels; the finding follows the logit gap, the wrong logits' spread and
    /// the ECE from the smallest α to the largest.
    static func sweep(_ metrics: ReportMetrics, figures: inout ReportDocument.FigureCounter) -> Built {
        let runs = metrics.comparison.runs.filter { $0.alpha != nil }.sorted { $0.alpha! < $1.alpha! }
        let alphas = runs.map { ReportNumber.parameter($0.alpha!) }
        let split = ReportDocument.heldOutSplit(metrics.comparison.runs[0].splits.map(\.name))
        let intro = "The runs span α = \(Findings.list(alphas)), so each measure can be read as a curve of the label smoothing"
            + " strength: the geometry on \(split), calibration before and after temperature scaling"
            + (metrics.erasure == nil ? "" : ", and information erasure") + "."
            + " The logit gap is drawn beside ls_gap(α) = ln(((1−α)K + α)/α), the gap label smoothing α drives the logits toward."
            + " The neural-collapse statistics against α are in the section above."
        let figure = figures.next(
            .sweep,
            caption: "Each panel is one measure against label smoothing α, a marker a run; the dashed curve is ls_gap(α)."
                + " Runs whose α is unknown are left out.",
            description: "Small line charts of tightness, cluster ratio, distance CV, wrong-logit spread, logit gap, ECE, T* and Î against α.")
        var findings: [String] = []
        if let low = runs.first, let high = runs.last,
           let first = low.splits.first(where: { $0.name == split }), let last = high.splits.first(where: { $0.name == split }) {
            let ece = metrics.calibration.runs.filter { $0.alpha != nil }.sorted { $0.alpha! < $1.alpha! }
            findings.append(Findings.sweep(
                from: ReportNumber.parameter(low.alpha!), to: ReportNumber.parameter(high.alpha!), split: split,
                gap: (first.gap, last.gap), target: last.lsGap, spread: (first.incorrectSpread, last.incorrectSpread),
                ece: ece.first.flatMap { a in ece.last.map { (a.before.ece, $0.before.ece) } }))
        }
        return Built(section: .init(id: "sweep", title: "Label smoothing strength",
                                    blocks: [.paragraph(intro), .figure(figure)] + (findings.isEmpty ? [] : [.findings(findings)])),
                     headline: findings)
    }
}
