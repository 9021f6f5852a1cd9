import Foundation
import PenvizAnalysis
import PenvizCore

extension RunCalibration {
    /// The run's two reliability diagrams for ``ReliabilityFigure``: before
    /// temperature scaling, titled `label · split`, and after it, titled
    /// `label · after T = T*`; each notes its ECE (with the bootstrap interval
    /// when there is one), MCE and NLL.
    public var diagrams: (before: ReliabilityFigure.Diagram, after: ReliabilityFigure.Diagram) {
        (ReliabilityFigure.Diagram(title: "\(label) · \(evalSplit)", reliability: before.reliability,
                                   notes: Self.panelNotes(before, interval: beforeInterval)),
         ReliabilityFigure.Diagram(title: "\(label) · after T = \(String(format: "%.3g", scaling.temperature))",
                                   reliability: after.reliability, notes: Self.panelNotes(after, interval: afterInterval)))
    }

    /// `ECE 0.0347 (95% CI 0.0306–0.0392)` and `MCE 0.240 · NLL 0.263`.
    static func panelNotes(_ metrics: CalibrationMetrics, interval: BootstrapInterval?) -> [String] {
        let range = interval.map { String(format: " (95%% CI %.4f–%.4f)", $0.lower, $0.upper) } ?? ""
        return [String(format: "ECE %.4f", metrics.ece) + range, String(format: "MCE %.3f · NLL %.3f", metrics.mce, metrics.nll)]
    }
}
