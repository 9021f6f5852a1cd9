import PenvizAnalysis

extension ReportDocument.Section {
    /// One row of the geometry table: a whole-split metric, how to read it, and
    /// how its change from the first run is written.
    private struct MetricRow: Sendable {
        /// How the change column compares two runs.
        enum Change {
            /// A difference in percentage points (accuracy).
            case points
            /// A ratio, later over first.
            case ratio
            /// No change column (a target, not a measurement).
            case none
        }

        var key: String
        var meaning: String
        var value: @Sendable (ComparisonMetrics.SplitMetrics) -> Double?
        var change: Change

        static let all: [MetricRow] = [
            .init(key: "accuracy", meaning: "top-1 accuracy", value: { $0.accuracy }, change: .points),
            .init(key: "within", meaning: "RMS distance of an example to its class mean", value: { $0.within }, change: .ratio),
            .init(key: "between", meaning: "mean distance between class means", value: { $0.between }, change: .ratio),
            .init(key: "cluster_ratio", meaning: "within / between", value: { $0.clusterRatio }, change: .ratio),
            .init(key: "gap", meaning: "mean true logit minus mean wrong logit", value: { $0.gap }, change: .ratio),
            .init(key: "ls_gap", meaning: "the gap label smoothing α drives toward, ln(((1−α)K + α)/α)",
                  value: { $0.lsGap }, change: .none),
            .init(key: "incorrect_spread", meaning: "mean spread (std) of the wrong logits", value: { $0.incorrectSpread },
                  change: .ratio),
            .init(key: "distance_cv", meaning: "how unequal the distances to the wrong templates are (CV)",
                  value: { $0.distanceCV }, change: .ratio),
        ]

        /// The value as a cell: accuracy in percent, the rest with four significant digits.
        func cell(_ value: Double?) -> ReportTable.Cell {
            guard let value else { return "–" }
            return .text(change == .points ? ReportNumber.percent(value) : ReportNumber.cell(value))
        }

        /// The change from `first` to `other` as a cell.
        func changeCell(from first: Double?, to other: Double?) -> ReportTable.Cell {
            guard let first, let other else { return "–" }
            switch change {
            case .points: return .text(ReportNumber.points(other - first))
            case .ratio: return first > 0 ? .text(ReportNumber.ratio(other / first)) : "–"
            case .none: return "–"
            }
        }
    }

    /// Section 3: every whole-split metric of every run (DESIGN.md §3), with the
    /// change from the first run to each other; the findings read the held-out split.
    static func geometry(_ metrics: ReportMetrics) -> Built {
        let runs = metrics.comparison.runs
        let labels = runs.map(\.label)
        let splits = runs[0].splits.map(\.name)
        let intro = "Label smoothing asks every example to be close to its own class template and equally far from all"
            + " the others. The logits then show it: a bounded gap between the true logit and the wrong ones, and wrong"
            + " logits of nearly equal value. Whole-split measures, over all K classes in the full feature space"
            + (runs.count > 1 ? "; the change columns give the later run over the first (a ratio), or the difference for accuracy." : ".")

        var columns: [ReportTable.Column] = [.init("metric", numeric: false)]
        for split in splits {
            columns += labels.map { .init($0, group: split) }
            columns += labels.dropFirst().map { .init(labels.count == 2 ? "change" : "change to \($0)", group: split) }
        }
        var table = ReportTable(caption: "Geometry of the penultimate layer and the logits, per split", columns: columns)
        for row in MetricRow.all {
            var cells: [ReportTable.Cell] = [.term(row.key, detail: row.meaning)]
            for split in splits {
                let values = runs.map { run in run.splits.first { $0.name == split }.flatMap(row.value) }
                cells += values.map(row.cell)
                cells += values.dropFirst().map { row.changeCell(from: values[0], to: $0) }
            }
            table.append(cells)
        }

        let held = ReportDocument.heldOutSplit(splits)
        var findings: [String] = [], headline: [String] = []
        if runs.count == 1, let split = runs[0].splits.first(where: { $0.name == held }),
           let sentence = Findings.logitGap(
               split: held, of: .init(run: runs[0].label, value: split.gap), target: split.lsGap, alpha: runs[0].alpha) {
            findings.append(sentence)
            headline.append(sentence)
        }
        for run in runs.dropFirst() {
            guard let first = runs[0].splits.first(where: { $0.name == held }),
                  let other = run.splits.first(where: { $0.name == held }) else { continue }
            func values(_ a: Double, _ b: Double) -> (Findings.Value, Findings.Value) {
                (.init(run: runs[0].label, value: a), .init(run: run.label, value: b))
            }
            let gap = values(first.gap, other.gap)
            let spread = values(first.incorrectSpread, other.incorrectSpread)
            let sentences = [
                Findings.logitGap(split: held, from: gap.0, to: gap.1, target: other.lsGap, alpha: run.alpha),
                Findings.wrongLogits(from: spread.0, to: spread.1),
            ]
            headline += sentences
            findings += sentences
            if let a = first.distanceCV, let b = other.distanceCV {
                let cv = values(a, b)
                findings.append(Findings.equidistance(from: cv.0, to: cv.1))
            }
            if let a = first.clusterRatio, let b = other.clusterRatio, let betweenA = first.between, let betweenB = other.between,
               first.within > 0, betweenA > 0 {
                let ratio = values(a, b)
                findings.append(Findings.clusterRatio(
                    from: ratio.0, to: ratio.1, withinFactor: other.within / first.within, betweenFactor: betweenB / betweenA))
            }
        }
        var blocks: [ReportDocument.Block] = [.paragraph(intro), .table(table)]
        if !findings.isEmpty { blocks.append(.findings(findings)) }
        return Built(section: .init(id: "geometry", title: "Geometry and logits", blocks: blocks), headline: headline)
    }
}
