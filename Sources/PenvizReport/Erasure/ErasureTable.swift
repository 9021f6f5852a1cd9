import PenvizCore
import PenvizAnalysis

/// The plain-text table `penviz erasure` prints: one line per run.
///
/// ```text
/// classes: T-shirt/top (0) − Shirt (6), key train_logits_aug
/// run       alpha    n  L      Î   ln N  Î/ln N     σ²
/// hard          0  600  5  2.474  6.397  0.3868  3.161
/// ```
///
/// Every number shows four significant digits; a null value, and Î/ln N when
/// N = 1, shows as `-`. When a run's estimate used a sample of its examples, a
/// line under the table says how many of how many.
public struct ErasureTable: Sendable {
    /// The metrics the table shows.
    public var report: ErasureReport

    /// The table of `report`.
    public init(_ report: ErasureReport) {
        self.report = report
    }

    /// The whole table, ending in a newline.
    public var text: String {
        let classes = report.classes.map { "\($0.name) (\($0.id))" }.joined(separator: " − ")
        var table = TextTable(
            header: ["run", "alpha", "n", "L", "Î", "ln N", "Î/ln N", "σ²"],
            numeric: [false, true, true, true, true, true, true, true])
        for run in report.runs {
            table.append(
                [run.label, TextTable.number(run.alpha), String(run.count), String(run.passes),
                 TextTable.number(run.information), TextTable.number(run.lnN),
                 TextTable.number(run.lnN > 0 ? run.information / run.lnN : nil), TextTable.number(run.variance)])
        }
        let sampled = report.runs.filter { $0.examples > $0.count }.map {
            VisibleText.escaped($0.label) + ": n is a seeded sample of \($0.count) of its \($0.examples) examples (--max-rows)\n"
        }
        return VisibleText.escaped("classes: \(classes), key \(report.key)") + "\n" + table.text + sampled.joined()
    }
}
