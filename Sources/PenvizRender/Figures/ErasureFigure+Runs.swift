import Foundation
import PenvizAnalysis

extension ErasureFigure {
    /// The figure of `runs` (all on the same classes), a panel each, titled
    /// `label · Î = 2.474 of ln N = 6.397` and captioned with σ², N (and the
    /// examples it was sampled from) and L. When a
    /// run stored its examples' labels, strokes are coloured by class: a, b, and
    /// grey for any other class.
    public init(runs: [RunErasure], classNames: [String]) {
        precondition(!runs.isEmpty, "ErasureFigure: needs at least one run")
        let ids = runs[0].classIDs
        let hasOthers = runs.contains { $0.exampleLabels?.contains { !ids.contains($0) } ?? false }
        let columns = runs.map { run in
            let estimate = run.estimate
            return Column(
                title: "\(run.label) · Î = \(String(format: "%.3f", estimate.information)) of ln N = \(String(format: "%.3f", estimate.maximum))",
                caption: "σ² = \(String(format: "%.3g", estimate.variance)) · N = \(estimate.exampleCount)"
                    + (run.sampledExamples == nil ? "" : " sampled of \(run.arrayExamples)") + " · L = \(estimate.passCount)",
                differences: run.differences,
                classIndex: run.exampleLabels?.map { ids.firstIndex(of: $0) ?? 2 })
        }
        self.init(classNames: ids.map { classNames[$0] }, hasOtherClasses: hasOthers, axisNames: (classNames[ids[0]], classNames[ids[1]]), columns: columns)
    }
}
