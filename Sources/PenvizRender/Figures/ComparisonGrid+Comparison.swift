import Foundation
import PenvizAnalysis
import PenvizCore

extension ComparisonGrid {
    /// The figure of `comparison`: that of its ``ComparedPanels``.
    public init(_ comparison: Comparison, panels: PlanePanels) {
        self.init(comparison.panels, panels: panels)
    }

    /// The figure of `compared`: a row per triplet (labelled with its class
    /// names, and its kind when automatic, with the reason for an automatic one
    /// under its legend), a column per run and split, each panel captioned with its tightness. `panels` draws the scatters (and may
    /// sample them; the metrics always use every example).
    public init(_ compared: ComparedPanels, panels: PlanePanels) {
        let columns = compared.runs.flatMap { run in
            compared.splitNames.map { Column(header: run.label, title: $0) }
        }
        let rows = zip(compared.triplets, zip(compared.panelPoints, compared.tripletMetrics)).map { row, pointsAndMetrics in
            let (points, measured) = pointsAndMetrics
            return Row(
                label: Self.rowLabel(kind: row.kind, names: measured.names), classNames: measured.names, points: points,
                captions: measured.panels.map { Self.caption(tightness: $0.tightness) }, note: row.reason)
        }
        self.init(columns: columns, rows: rows, panels: panels)
    }

    /// `T-shirt/top · Pullover · Shirt`, or `similar: T-shirt/top · Pullover · Shirt` for an automatic triplet.
    static func rowLabel(kind: ComparedTriplet.Kind, names: [String]) -> String {
        let classes = names.joined(separator: " · ")
        return kind == .given ? classes : "\(kind.rawValue): \(classes)"
    }

    /// `tightness 0.420` (three significant digits, trailing zeros kept so captions line up), or
    /// `tightness n/a` when a class is empty.
    static func caption(tightness: Double?) -> String {
        "tightness " + (tightness.map { String(format: "%#.3g", $0) } ?? "n/a")
    }
}
