import PenvizCore

/// Builds template-plane panels from runs: the scatters that `penviz plot`,
/// `penviz compare` and `penviz report` draw.
///
/// Each panel shows the examples of a split whose label is one of the plane's
/// three classes, projected onto the plane, under the three templates. Classes
/// are coloured by their slot in the triplet (a, b, c), so one triplet looks the
/// same in every run and split of a figure.
public struct PlanePanels: Sendable {
    /// At most this many points a class, drawn by a seeded sample; nil draws all.
    public var perClass: Int?
    /// The seed of the per-class sample.
    public var seed: UInt64
    /// Label the axes with the plane's basis, `e1 (a → b)` across and `e2 (towards c)` up;
    /// off by default, as in the paper, whose panels carry no axis labels.
    public var axisLabels: Bool

    /// A builder drawing at most `perClass` points a class (nil: all) sampled with `seed`,
    /// with or without `axisLabels`.
    public init(perClass: Int? = nil, seed: UInt64 = 0, axisLabels: Bool = false) {
        self.perClass = perClass
        self.seed = seed
        self.axisLabels = axisLabels
    }

    /// The class styles of a triplet: names from `run`, colours by slot from `palette`.
    public static func classes(of plane: TemplatePlane, in run: Run, palette: Palette) -> [ClassStyle] {
        ClassStyle.slots(plane.triplet.ids.map { run.classNames[$0] }, palette: palette)
    }

    /// The panel of `split` on `plane`, titled `title`, with an optional caption:
    /// the sampled rows' features projected onto the plane.
    public func panel(split: Split, plane: TemplatePlane, classes: [ClassStyle], title: String, caption: String? = nil) -> Panel {
        let rows = sampledRows(split: split, triplet: plane.triplet)
        let points = PlanePoints(
            plane: plane, points: plane.project(features: split.features, rows: rows), labels: rows.map { split.labels[$0] },
            positions: rows)
        return panel(points: points, classes: classes, title: title, caption: caption)
    }

    /// The panel of `points` (projected beforehand: from the features or the
    /// template logits), titled `title`, with an optional caption; at most
    /// ``perClass`` points a class are drawn, the same sample as ``sampledRows(split:triplet:)``.
    public func panel(points: PlanePoints, classes: [ClassStyle], title: String, caption: String? = nil) -> Panel {
        let kept = sampled(labels: points.labels, triplet: points.plane.triplet)
        let slot = Dictionary(uniqueKeysWithValues: points.plane.triplet.ids.enumerated().map { ($1, $0) })
        let scatter = Scatter(
            x: kept.map { points.points[$0].p1 }, y: kept.map { points.points[$0].p2 },
            classIndex: kept.map { slot[points.labels[$0]]! })
        var panel = Panel.templatePlane(
            title: title, classes: classes, points: scatter,
            templates: points.plane.templateCoordinates.map { Point(x: $0.p1, y: $0.p2) })
        panel.caption = caption
        if axisLabels, classes.count >= 3 {
            // e1 runs from template a towards b; e2 completes the plane towards c (Gram–Schmidt).
            panel.xLabel = "e1 (\(classes[0].name) → \(classes[1].name))"
            panel.yLabel = "e2 (towards \(classes[2].name))"
        }
        return panel
    }

    /// `panels` of one triplet set side by side in a row: their vertical axis
    /// label, the same in all of them, is kept on the first only.
    public static func sideBySide(_ panels: [Panel]) -> [Panel] {
        panels.enumerated().map { index, panel in
            var panel = panel
            if index > 0 { panel.yLabel = nil }
            return panel
        }
    }

    /// The rows of `split` labelled with one of the triplet's classes, at most
    /// ``perClass`` a class, in file order.
    ///
    /// The sample of a class is its first `perClass` rows after a seeded
    /// Fisher–Yates shuffle of that class's rows; the seed of class k is
    /// `seed` mixed with k, so a class draws the same rows in every panel
    /// whatever the other classes are.
    public func sampledRows(split: Split, triplet: Triplet) -> [Int] {
        let wanted = Set(triplet.ids)
        let rows = split.labels.indices.filter { wanted.contains(split.labels[$0]) }
        return sampled(labels: rows.map { split.labels[$0] }, triplet: triplet).map { rows[$0] }
    }

    /// The indices into `labels` (the class ids of a triplet's examples, in row
    /// order) that the seeded per-class sample keeps, in order.
    private func sampled(labels: [Int], triplet: Triplet) -> [Int] {
        guard let perClass else { return Array(labels.indices) }
        var kept: [Int] = []
        for id in triplet.ids {
            var members = labels.indices.filter { labels[$0] == id }
            if members.count > perClass {
                var generator = SeededGenerator(seed: seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(id + 1))
                members = generator.draw(perClass, from: members)
            }
            kept += members
        }
        return kept.sorted()
    }
}
