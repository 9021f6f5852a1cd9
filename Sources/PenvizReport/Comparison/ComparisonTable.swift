import PenvizCore
import PenvizAnalysis

/// The plain-text table `penviz compare` prints: aligned columns, one line per
/// run and split with the whole-split metrics, then one block per triplet with
/// each panel's spreads, separation and tightness.
///
/// ```text
/// run       split      n  accuracy  within  between  cluster_ratio  gap    ls_gap  incorrect_spread  distance_cv
/// hard      val    10000    0.9287  ...
///
/// similar: Pullover (2), Coat (4), Shirt (6); separation 3.1 in hard
/// why: mean mutual confusion 0.0638 on val, the highest of 120 triplets
/// run       split  spread Pullover  spread Coat  spread Shirt  separation  tightness
/// hard      val    ...
/// ```
///
/// Accuracies show four decimals, every other number four significant digits;
/// a null value shows as `-`.
public struct ComparisonTable: Sendable {
    /// The metrics the table shows.
    public var metrics: ComparisonMetrics

    /// The table of `metrics`.
    public init(_ metrics: ComparisonMetrics) {
        self.metrics = metrics
    }

    /// The whole table, blocks separated by a blank line, ending in a newline.
    public var text: String {
        var blocks = [splitTable.text]
        for triplet in metrics.triplets {
            let classes = zip(triplet.names, triplet.ids).map { "\($0) (\($1))" }.joined(separator: ", ")
            let title = "\(triplet.kind.rawValue): \(classes); separation \(TextTable.number(triplet.separation))"
                + " in \(metrics.runs[0].label)"
            let why = triplet.reason.map { VisibleText.escaped("why: \($0)") + "\n" } ?? ""
            blocks.append(VisibleText.escaped(title) + "\n" + why + panelTable(triplet).text)
        }
        return blocks.joined(separator: "\n")
    }

    /// One row per run and split.
    private var splitTable: TextTable {
        var table = TextTable(
            header: ["run", "split", "n", "accuracy", "within", "between", "cluster_ratio", "gap", "ls_gap",
                     "incorrect_spread", "distance_cv"],
            numeric: [false, false] + Array(repeating: true, count: 9))
        for run in metrics.runs {
            for split in run.splits {
                table.append(
                    [run.label, split.name, String(split.count), TextTable.fixed(split.accuracy)]
                        + [split.within, split.between, split.clusterRatio, split.gap, split.lsGap, split.incorrectSpread,
                           split.distanceCV].map(TextTable.number))
            }
        }
        return table
    }

    /// One row per panel of `triplet`.
    private func panelTable(_ triplet: ComparisonMetrics.TripletMetrics) -> TextTable {
        var table = TextTable(
            header: ["run", "split"] + triplet.names.map { "spread \($0)" } + ["separation", "tightness"],
            numeric: [false, false, true, true, true, true, true])
        for panel in triplet.panels {
            table.append(
                [panel.run, panel.split]
                    + (panel.spreads.map(\.spread) + [panel.separation, panel.tightness]).map(TextTable.number))
        }
        return table
    }
}
