extension ReportDocument.Section {
    /// Section 2: the paper's Figure 1 for the runs (a row per triplet, a column
    /// per run and split) and each panel's tightness, with its change from the
    /// first run; the finding says in how many panels the clusters got tighter.
    static func plane(_ metrics: ReportMetrics, figures: inout ReportDocument.FigureCounter) -> Built {
        let comparison = metrics.comparison
        let labels = comparison.runs.map(\.label)
        let splits = comparison.runs[0].splits.map(\.name)
        let rows = comparison.triplets.map { triplet in
            let names = triplet.names.joined(separator: " · ")
            guard let reason = triplet.reason else { return "\(names) (given)" }
            return "\(names) (\(triplet.kind.rawValue): \(reason) in the \(labels[0]) run)"
        }
        let intro = "Each row takes three classes and the plane through their final-layer templates"
            + (comparison.includesBias ? " (weights with the bias appended)" : " (weights only, without the bias)")
            + "; each panel projects one split's examples of those classes onto that plane, as in the paper's Figure 1."
            + " Rows: \(Findings.list(rows))."
            + " Axes are independent per panel, as in the paper. Tightness, under each panel, is the mean spread of the"
            + " three classes over the mean distance between their templates: it does not depend on the scale, and smaller is tighter."
        let figure = figures.next(
            .comparison,
            caption: "The penultimate layer on the template plane of each triplet (rows), for each run and split (columns)."
                + " Points are examples coloured by class; the outlined markers are the class templates.",
            description: "Scatter plots of penultimate activations projected onto the plane of three class templates, "
                + "one row per triplet and one column per run and split.")

        var columns: [ReportTable.Column] = [.init("triplet", numeric: false)]
        for split in splits {
            columns += labels.map { .init($0, group: split) }
            columns += labels.dropFirst().map { .init("\($0) / \(labels[0])", group: split) }
        }
        var table = ReportTable(
            caption: "Tightness of each panel (mean class spread / template separation; smaller is tighter)"
                + (labels.count > 1 ? ", and its ratio to the first run" : ""),
            columns: columns)
        var ratios = [[Double]](repeating: [], count: labels.count)
        for triplet in comparison.triplets {
            let names = triplet.names.joined(separator: " · ")
            var cells: [ReportTable.Cell] = [.text(triplet.kind == .given ? names : "\(triplet.kind.rawValue): \(names)")]
            for split in splits {
                let values = labels.map { label in
                    triplet.panels.first { $0.run == label && $0.split == split }?.tightness
                }
                cells += values.map { .text(ReportNumber.cell($0)) }
                for index in labels.indices.dropFirst() {
                    guard let first = values[0], let other = values[index], first > 0 else {
                        cells.append("–")
                        continue
                    }
                    ratios[index].append(other / first)
                    cells.append(.text(ReportNumber.ratio(other / first)))
                }
            }
            table.append(cells)
        }
        let findings = labels.indices.dropFirst().compactMap { index in
            Findings.tightness(from: labels[0], to: labels[index], ratios: ratios[index])
        }
        var blocks: [ReportDocument.Block] = [.paragraph(intro), .figure(figure), .table(table)]
        if !findings.isEmpty { blocks.append(.findings(findings)) }
        return Built(section: .init(id: "plane", title: "The template plane", blocks: blocks), headline: findings)
    }
}
