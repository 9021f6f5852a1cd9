import Foundation
import PenvizAnalysis

extension SweepFigure {
    /// True when at least three runs have distinct known α: a sweep is worth drawing.
    public static func isSweep(_ alphas: [Double?]) -> Bool {
        Set(alphas.compactMap { $0 }).count >= 3
    }

    /// The geometry of `comparison` on `split` against α, for the runs whose α is known:
    /// each triplet's tightness, cluster_ratio, distance_cv, incorrect_spread, and the
    /// logit gap beside the curve ls_gap(α) = ln(((1−α)K + α)/α) that label smoothing drives it toward.
    public static func charts(comparison: ComparisonMetrics, split: String) -> [Chart] {
        let runs = comparison.runs.filter { $0.alpha != nil }
        func points(_ value: (ComparisonMetrics.SplitMetrics) -> Double?) -> [(alpha: Double, value: Double)] {
            runs.compactMap { run in
                run.splits.first { $0.name == split }.flatMap(value).map { (run.alpha!, $0) }
            }
        }
        let tightness = comparison.triplets.map { triplet in
            let names = triplet.names.joined(separator: " · ")
            return Series(
                label: triplet.kind == .given ? names : "\(triplet.kind.rawValue): \(names)",
                points: runs.compactMap { run in
                    triplet.panels.first { $0.run == run.label && $0.split == split }?.tightness.map { (run.alpha!, $0) }
                })
        }
        let gaps = points { $0.gap }
        var gap = [Series(label: "measured", points: gaps)]
        if let k = runs.first?.classCount, let curve = lsGapCurve(classes: k, alphas: gaps.map(\.alpha), highest: gaps.map(\.value).max()) {
            gap.append(Series(label: "ls_gap(α)", points: curve, isReference: true))
        }
        return [
            Chart(title: "tightness (\(split))", series: tightness),
            Chart(title: "cluster_ratio (\(split))", series: [Series(label: "measured", points: points { $0.clusterRatio })]),
            Chart(title: "distance_cv (\(split))", series: [Series(label: "measured", points: points { $0.distanceCV })]),
            Chart(title: "incorrect_spread (\(split))", series: [Series(label: "measured", points: points { $0.incorrectSpread })]),
            Chart(title: "logit gap (\(split))", series: gap),
        ]
    }

    /// ECE before and after temperature scaling, and T*, against α.
    public static func charts(calibration: CalibrationReport) -> [Chart] {
        let runs = calibration.runs.filter { $0.alpha != nil }
        let split = Set(runs.map(\.evalSplit)).count == 1 ? runs.first?.evalSplit ?? "" : "each run's"
        return [
            Chart(title: "ECE (\(split))", series: [
                Series(label: "ECE before scaling", points: runs.map { ($0.alpha!, $0.before.ece) }),
                Series(label: "ECE after scaling (T*)", points: runs.map { ($0.alpha!, $0.after.ece) }),
            ]),
            Chart(title: "temperature T*", series: [Series(label: "measured", points: runs.map { ($0.alpha!, $0.temperature) })]),
        ]
    }

    /// Information erasure Î against α.
    public static func charts(erasure: ErasureReport) -> [Chart] {
        [Chart(title: "Î (nats), \(erasure.key)", series: [
            Series(label: "measured", points: erasure.runs.compactMap { run in run.alpha.map { ($0, run.information) } }),
        ])]
    }

    /// The neural-collapse figures against α, one panel a figure titled by its JSON key and split.
    public static func charts(collapse: [CollapseReport.RunEntry]) -> [Chart] {
        let runs = collapse.filter { $0.alpha != nil }
        guard let first = runs.first else { return [] }
        let splits = Set(runs.map(\.measured.split))
        let split = splits.count == 1 ? first.measured.split : "each run's"
        return first.measured.statistics.figures.indices.map { index in
            Chart(title: "\(first.measured.statistics.figures[index].key) (\(split))", series: [
                Series(label: "measured", points: runs.compactMap { run in
                    run.measured.statistics.figures[index].value.map { (run.alpha!, $0) }
                }),
            ])
        }
    }

    /// ls_gap(α) = ln(((1−α)K + α)/α) at 64 geometrically spaced points (the curve is
    /// steepest near 0) from where it equals `highest`
    /// (α = K/(e^highest + K − 1), so the curve stays within the measured range) or from
    /// the smallest positive α when that is later, to the largest α; nil without a positive α.
    static func lsGapCurve(classes k: Int, alphas: [Double], highest: Double?) -> [(alpha: Double, value: Double)]? {
        let positive = alphas.filter { $0 > 0 }
        guard let smallest = positive.min(), let largest = positive.max(), let highest, highest.isFinite else { return nil }
        let K = Double(k)
        var start = min(smallest, K / (exp(highest) + K - 1))
        if isLogarithmic(alphas) { start = max(start, smallest / 2) }
        guard start < largest else { return nil }
        return (0...63).map { index in
            let alpha = start * pow(largest / start, Double(index) / 63)
            return (alpha, log(((1 - alpha) * K + alpha) / alpha))
        }
    }
}
