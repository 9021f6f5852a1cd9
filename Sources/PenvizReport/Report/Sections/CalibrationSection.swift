extension ReportDocument.Section {
    /// Section 4: reliability diagrams and the calibration table before and
    /// after temperature scaling; the findings compare the runs before scaling,
    /// say what scaling did to each, and weigh label smoothing alone against
    /// temperature scaling alone when the first run is hard and a later one smoothed.
    static func calibration(_ metrics: ReportMetrics, figures: inout ReportDocument.FigureCounter) -> Built {
        let report = metrics.calibration
        let runs = report.runs
        let first = runs[0]
        let evalSplits = Set(runs.map(\.evalSplit)), fitSplits = Set(runs.map(\.fitSplit))
        let evalSplit = evalSplits.count == 1 ? first.evalSplit : "each run's evaluation split"
        let binning = report.binning == .width ? "\(report.binCount) equal-width bins" : "\(report.binCount) equal-mass bins"
        let interval = report.bootstrapResamples > 0
            ? " The ECE intervals are 2.5–97.5 % percentiles of \(report.bootstrapResamples) bootstrap resamples (seed \(report.seed))."
            : ""
        let intro = "Top-label calibration on \(evalSplit): the confidence (largest softmax probability) of each example,"
            + " in \(binning), against how often it is right. ECE is the mean gap between a bin's confidence and its"
            + " accuracy, weighted by the bin's size; MCE the largest gap. Temperature scaling divides the logits by the one"
            + " T* that minimises the NLL of \(fitSplits.count == 1 ? first.fitSplit : "each run's fitting split")"
            + " (Guo et al. 2017); it never changes the predictions, so accuracy stays put.\(interval)"
        let figure = figures.next(
            .reliability,
            caption: "Reliability diagrams of each run (rows) before and after temperature scaling (columns). Bars are each"
                + " bin's accuracy; the hatched bars span the gap to the bin's mean confidence, on orange above the bar where"
                + " the model is over-confident, on light blue inside it where it is under-confident; pale bins hold under 1 % of"
                + " the examples, and MCE marks the bin of the largest gap; the dashed diagonal is perfect calibration. Under each"
                + " diagram, the share of examples in each bin with its count, and the ECE, MCE and NLL.",
            description: "Reliability diagrams: accuracy against confidence per bin, before and after temperature scaling, one row per run.")

        var table = ReportTable(
            caption: "Calibration on \(evalSplit), before (T = 1) and after temperature scaling (T = T*)",
            columns: [.init("run", numeric: false), .init("α"), .init("scaling", numeric: false), .init("T"),
                      .init("accuracy"), .init("NLL"), .init("Brier"), .init("ECE"), .init("ECE 95 % interval"), .init("MCE")])
        for run in runs {
            for (scaling, temperature, evaluation) in [("before", 1.0, run.before), ("after", run.temperature, run.after)] {
                table.append([
                    .text(run.label), .text(run.alpha.map(ReportNumber.parameter) ?? "–"), .text(scaling),
                    .text(ReportNumber.parameter(temperature)), .text(ReportNumber.percent(evaluation.accuracy)),
                    .text(ReportNumber.cell(evaluation.nll)), .text(ReportNumber.cell(evaluation.brier)),
                    .text(ReportNumber.cell(evaluation.ece)),
                    .text(evaluation.eceInterval.map { "\(ReportNumber.cell($0[0]))–\(ReportNumber.cell($0[1]))" } ?? "–"),
                    .text(ReportNumber.cell(evaluation.mce)),
                ])
            }
        }

        let comparisons = runs.dropFirst().map { run in
            Findings.calibration(
                split: evalSplit, from: .init(run: first.label, value: first.before.ece),
                to: .init(run: run.label, value: run.before.ece))
        }
        let scalings = runs.map { run in
            Findings.temperatureScaling(
                run: run.label, temperature: run.temperature, fitSplit: run.fitSplit, before: run.before.ece, after: run.after.ece)
        }
        let smoothing = (first.alpha ?? 0) > 0 ? [] : runs.dropFirst().filter { ($0.alpha ?? 0) > 0 }.map { run in
            Findings.smoothingVersusScaling(
                smoothed: .init(run: run.label, value: run.before.ece), scaled: .init(run: first.label, value: first.after.ece))
        }
        var blocks: [ReportDocument.Block] = [.paragraph(intro), .figure(figure), .table(table),
                                              .findings(comparisons + scalings + smoothing)]
        for run in runs where run.fitSplit == run.evalSplit {
            blocks.append(.note("\(run.label): T* is fitted on \(run.fitSplit), the split it is measured on, so the ‘after’ row flatters it."))
        }
        for run in runs where run.temperatureOutcome == .lowerBound || run.temperatureOutcome == .upperBound {
            blocks.append(.note("\(run.label): T* lies on the edge of the searched range 0.05–20; the best temperature may lie beyond it."))
        }
        // A single run has nothing to compare: what scaling did to it is the headline.
        return Built(section: .init(id: "calibration", title: "Calibration", blocks: blocks),
                     headline: runs.count == 1 ? scalings : comparisons + smoothing)
    }
}
