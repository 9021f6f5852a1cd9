extension ReportDocument {
    /// The report of `metrics`: a section for the runs, the template plane, the
    /// geometry and logits, calibration, information erasure and neural collapse
    /// (and the measures against α for a sweep), each with the
    /// findings read off its numbers, and the headline findings gathered at the top.
    /// `title` defaults to the runs' labels, `hard vs smoothed`.
    public init(metrics: ReportMetrics, title: String? = nil) {
        var figures = FigureCounter()
        let sections = [
            Section.runs(metrics),
            Section.plane(metrics, figures: &figures),
            Section.geometry(metrics),
            Section.calibration(metrics, figures: &figures),
            Section.erasure(metrics, figures: &figures),
            Section.collapse(metrics, figures: &figures),
        ] + (metrics.hasSweep ? [Section.sweep(metrics, figures: &figures)] : [])
        self.init(
            title: title ?? (metrics.runs.count == 1
                ? "The \(metrics.runs[0].label) run on the paper's measures"
                : "What label smoothing did: " + metrics.runs.map(\.label).joined(separator: " vs ")),
            lead: [Self.lead(metrics)],
            highlights: sections.compactMap(\.headline).flatMap { $0 },
            sections: sections.map(\.section),
            colophon: [
                "Written by penviz report. Every number above, with more digits and the reliability bins,"
                    + " is in metrics.json (schema in the README); the figures are in figures/ as SVG and PNG.",
                "Definitions follow Müller, Kornblith & Hinton, “When Does Label Smoothing Help?” (NeurIPS 2019), and"
                    + " Guo et al., “On Calibration of Modern Neural Networks” (ICML 2017) for ECE and temperature scaling.",
            ])
    }

    /// What was compared: each run with its file, α, K and D. A single run is
    /// measured on its own, each number read against its own yardstick.
    private static func lead(_ metrics: ReportMetrics) -> String {
        let runs = metrics.comparison.runs
        let described = runs.map { run in "\(run.label) (\(run.source), \(alphaText(run.alpha)))" }
        if runs.count == 1 {
            return "This report measures one run of a \(runs[0].classCount)-class network with"
                + " \(runs[0].dimension) penultimate features, \(described[0]), on the paper's measures: the template-plane"
                + " picture, the geometry of the penultimate layer and the logits, calibration, information erasure and neural collapse."
                + " With nothing to compare it with, the findings read each number against its own yardstick: the logit gap"
                + " against the gap α drives toward, the ECE against the ECE after temperature scaling, Î against ln N."
                + " Give a second run, such as the same network trained with hard targets, to see what label smoothing changed."
        }
        return "This report compares \(runs.count) runs of a \(runs[0].classCount)-class network with"
            + " \(runs[0].dimension) penultimate features: \(Findings.list(described))."
            + " Each later run is compared with the first, \(runs[0].label), on the paper's measures: the template-plane"
            + " picture, the geometry of the penultimate layer and the logits, calibration, information erasure and neural collapse."
    }

    /// `α = 0.1`, or `α unknown`.
    static func alphaText(_ alpha: Double?) -> String {
        alpha.map { "α = \(ReportNumber.parameter($0))" } ?? "α unknown"
    }

    /// The split the findings read: the first compared split other than `train`
    /// (held-out data), else the first.
    public static func heldOutSplit(_ names: [String]) -> String {
        names.first { $0 != "train" } ?? names[0]
    }

    /// Numbers the figures in order of appearance.
    struct FigureCounter {
        private(set) var count = 0

        /// The next figure's reference.
        mutating func next(_ kind: ReportFigure.Kind, caption: String, description: String) -> FigureReference {
            count += 1
            return FigureReference(name: kind.rawValue, number: count, caption: caption, description: description)
        }
    }
}

extension ReportDocument.Section {
    /// A section and the findings it offers for the top of the report.
    struct Built {
        /// The section.
        var section: ReportDocument.Section
        /// Its headline sentences; nil for none.
        var headline: [String]?
    }
}
