import PenvizAnalysis
import PenvizCore

/// The plain-text table `penviz collapse` prints: one line per run, one column per figure.
///
/// ```text
/// run       alpha  split      n  K'     nc1  nc2_norm_m  nc2_norm_w  nc2_angle  nc2_max_ang     nc3     nc4    cdnv
/// hard          0  train  60000  10   0.412     0.08811     0.02934     0.1039      0.08012  0.1853  0.0102  0.0431
/// ```
///
/// Columns (the JSON keys of ``SplitCollapse``): nc1; nc2_norm_m `nc2_equinorm_means`;
/// nc2_norm_w `nc2_equinorm_weights`; nc2_angle `nc2_equiangular`; nc2_max_ang
/// `nc2_max_angle`; nc3; nc4; cdnv. Four significant digits; a null figure shows
/// as `-`. A line under the table says which runs were measured on a sample.
public struct CollapseTable: Sendable {
    /// The figures the table shows.
    public var report: CollapseReport

    /// The short column header of each JSON key, in ``NeuralCollapse/figures`` order.
    static let headers = ["nc1", "nc2_norm_m", "nc2_norm_w", "nc2_angle", "nc2_max_ang", "nc3", "nc4", "cdnv"]

    /// The table of `report`.
    public init(_ report: CollapseReport) {
        self.report = report
    }

    /// The whole table, ending in a newline.
    public var text: String {
        var table = TextTable(
            header: ["run", "alpha", "split", "n", "K'"] + Self.headers,
            numeric: [false, true, false, true, true] + Self.headers.map { _ in true })
        for run in report.runs {
            let measured = run.measured
            table.append(
                [run.label, TextTable.number(run.alpha), measured.split, String(measured.statistics.n), String(measured.statistics.classes)]
                    + measured.statistics.figures.map { TextTable.number($0.value) })
        }
        let sampled = report.runs.filter(\.measured.isSample).map {
            VisibleText.escaped($0.label) + ": a seeded stratified sample of \($0.measured.statistics.n) of the "
                + "\($0.measured.examples) rows of '\(VisibleText.escaped($0.measured.split))' (--max-rows)\n"
        }
        return table.text + sampled.joined()
    }
}
