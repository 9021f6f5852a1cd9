extension ReportDocument.Section {
    /// Section 5: information erasure (the paper's Section 4), or a note saying
    /// why it is missing; the finding compares each later run's Î with the first's.
    static func erasure(_ metrics: ReportMetrics, figures: inout ReportDocument.FigureCounter) -> Built {
        let title = "Information erasure"
        guard let report = metrics.erasure else {
            let reason = metrics.erasureNote ?? "the runs store no augmented logits"
            return Built(section: .init(id: "erasure", title: title, blocks: [.note("Not measured: \(reason)")]), headline: nil)
        }
        let runs = report.runs
        let classes = report.classes.map(\.name)
        let intro = "How much a network's logits still tell its training examples apart: the information a teacher can"
            + " pass on in distillation (the paper's Section 4). Each of the N examples in \(report.key) was seen in L"
            + " augmented versions; f = z(\(classes[0])) − z(\(classes[1])) is the difference of two logits. Î estimates,"
            + " with a Gaussian approximation, how well one version's f identifies its example: 0 when the examples cannot"
            + " be told apart, ln N when every one can. Label smoothing pulls the examples of a class to the same f,"
            + " erasing that information."
        let figure = figures.next(
            .erasure,
            caption: "Each example is a vertical stroke at its mean f over the L augmented passes, spanning its smallest"
                + " to largest f; one panel per run, on a shared scale. Short strokes spread far apart mean high Î.",
            description: "Strokes of the logit difference of each augmented example, one panel per run.")

        var table = ReportTable(
            caption: "Information erasure for \(classes[0]) − \(classes[1]) on \(report.key)",
            columns: [.init("run", numeric: false), .init("α"), .init("N"), .init("L"), .init("Î (nats)"), .init("ln N"),
                      .init("Î / ln N"), .init("σ²")] + (runs.count > 1 ? [.init("Î / first")] : []))
        for (index, run) in runs.enumerated() {
            table.append([
                .text(run.label), .text(run.alpha.map(ReportNumber.parameter) ?? "–"),
                .text(ReportNumber.count(run.count)), .text(String(run.passes)), .text(ReportNumber.cell(run.information)),
                .text(ReportNumber.cell(run.lnN)), .text(ReportNumber.cell(run.lnN > 0 ? run.information / run.lnN : nil)),
                .text(ReportNumber.cell(run.variance)),
            ] + (runs.count > 1
                ? [.text(index > 0 && runs[0].information > 0 ? ReportNumber.ratio(run.information / runs[0].information) : "–")]
                : []))
        }
        let sampled = runs.filter { $0.examples > $0.count }.map {
            "\($0.label): N = \(ReportNumber.count($0.count)), a seeded sample of its \(ReportNumber.count($0.examples)) examples"
        }
        let sample: [ReportDocument.Block] = sampled.isEmpty ? [] : [
            .note("The estimate costs N²·L exponentials, so it used a sample: " + sampled.joined(separator: "; ") + " (--erasure-max-rows).")
        ]
        let findings = runs.count == 1
            ? [Findings.erasure(of: .init(run: runs[0].label, value: runs[0].information), lnN: runs[0].lnN)]
            : runs.dropFirst().map { run in
                Findings.erasure(
                    from: .init(run: runs[0].label, value: runs[0].information), to: .init(run: run.label, value: run.information),
                    lnN: run.lnN)
            }
        return Built(section: .init(id: "erasure", title: title,
                                    blocks: [.paragraph(intro), .figure(figure), .table(table)] + sample + [.findings(findings)]),
                     headline: findings)
    }
}
