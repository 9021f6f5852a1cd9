import PenvizAnalysis

/// The plain-text table `penviz calibrate` prints: two lines per run, the
/// evaluation split before temperature scaling (T = 1) and after it (T = T*).
///
/// ```text
/// run       alpha  fit  eval  scaling      T       n  accuracy     nll   brier      ece  ece 95% interval       mce
/// hard          0  val  test  before       1   10000    0.9206  0.2631  0.1211  0.03468  0.03064–0.03921     0.2398
/// hard          0  val  test  after    1.532   10000    0.9206  0.2265  0.1167  0.01012  0.007921–0.01297    0.1471
/// ```
///
/// Accuracies show four decimals, every other number four significant digits;
/// a null value shows as `-`.
public struct CalibrationTable: Sendable {
    /// The metrics the table shows.
    public var report: CalibrationReport

    /// The table of `report`.
    public init(_ report: CalibrationReport) {
        self.report = report
    }

    /// The whole table, ending in a newline.
    public var text: String {
        var table = TextTable(
            header: ["run", "alpha", "fit", "eval", "scaling", "T", "n", "accuracy", "nll", "brier", "ece",
                     "ece 95% interval", "mce"],
            numeric: [false, true, false, false, false, true, true, true, true, true, true, false, true])
        for run in report.runs {
            for (scaling, temperature, evaluation) in [("before", 1, run.before), ("after", run.temperature, run.after)] {
                table.append(
                    [run.label, TextTable.number(run.alpha), run.fitSplit, run.evalSplit, scaling,
                     TextTable.number(temperature), String(evaluation.count), TextTable.fixed(evaluation.accuracy),
                     TextTable.number(evaluation.nll), TextTable.number(evaluation.brier), TextTable.number(evaluation.ece),
                     evaluation.eceInterval.map { "\(TextTable.number($0[0]))–\(TextTable.number($0[1]))" } ?? "-",
                     TextTable.number(evaluation.mce)])
            }
        }
        return table.text
    }
}
