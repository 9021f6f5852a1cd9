import PenvizAnalysis

extension ReportDocument.Section {
    /// Section 1: each run's shape, α, and the size and accuracy of each of its
    /// splits; the finding says how accuracy moved on the held-out split.
    static func runs(_ metrics: ReportMetrics) -> Built {
        var splitNames: [String] = []
        for run in metrics.runs {
            for split in run.splits where !splitNames.contains(split.name) { splitNames.append(split.name) }
        }
        var table = ReportTable(
            caption: "The runs: label smoothing α, classes K, feature dimension D, and per split the number of examples and the top-1 accuracy",
            columns: [.init("run", numeric: false), .init("α"), .init("K"), .init("D")]
                + splitNames.map { .init("\($0): n · accuracy") })
        for (compared, run) in zip(metrics.comparison.runs, metrics.runs) {
            table.append(
                [.text(run.label), .text(compared.alpha.map(ReportNumber.parameter) ?? "–"),
                 .text(String(compared.classCount)), .text(String(compared.dimension))]
                    + splitNames.map { name in
                        guard let split = run.splits.first(where: { $0.name == name }) else { return "–" }
                        return .text("\(ReportNumber.count(split.count)) · \(ReportNumber.percent(split.accuracy))")
                    })
        }
        var blocks: [ReportDocument.Block] = [.table(table)]
        let computed = metrics.runs.flatMap { run in run.splits.filter { $0.logits == .computed }.map { "\(run.label) · \($0.name)" } }
        if !computed.isEmpty {
            blocks.append(.note("Saved without logits, so computed as x·Wᵀ + b in Float64: \(Findings.list(computed))."))
        }
        let runs = metrics.comparison.runs
        let held = ReportDocument.heldOutSplit(runs[0].splits.map(\.name))
        func accuracy(_ run: ComparisonMetrics.RunMetrics) -> Findings.Value? {
            run.splits.first { $0.name == held }.map { Findings.Value(run: run.label, value: $0.accuracy) }
        }
        let findings = runs.dropFirst().compactMap { run in
            accuracy(runs[0]).flatMap { first in accuracy(run).map { Findings.accuracy(split: held, from: first, to: $0) } }
        }
        if !findings.isEmpty { blocks.append(.findings(findings)) }
        return Built(section: .init(id: "runs", title: "Runs", blocks: blocks), headline: findings)
    }
}
