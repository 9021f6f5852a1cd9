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

    public init(perClass: Int? = nil, seed: UInt64 = 0) {
        self.perClass = perClass
        self.seed = seed
    }

    /// The class styles of a triplet: names from `run`, colours by slot.
    public static func classes(of plane: TemplatePlane, in run: Run) -> [ClassStyle] {
        ClassStyle.slots(plane.triplet.ids.map { run.classNames[$0] })
    }

    /// The panel of `split` on `plane`, titled `title`, with an optional caption.
    public func panel(split: Split, plane: TemplatePlane, classes: [ClassStyle], title: String, caption: String? = nil) -> Panel {
        let rows = sampledRows(split: split, triplet: plane.triplet)
        let points = plane.project(features: split.features, rows: rows)
        let slot = Dictionary(uniqueKeysWithValues: plane.triplet.ids.enumerated().map { ($1, $0) })
        let scatter = Scatter(
            x: points.map(\.p1), y: points.map(\.p2), classIndex: rows.map { slot[split.labels[$0]]! })
        var panel = Panel.templatePlane(
            title: title, classes: classes, points: scatter,
            templates: plane.templateCoordinates.map { Point(x: $0.p1, y: $0.p2) })
        panel.caption = caption
        return panel
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
        guard let perClass else { return rows }
        var kept: [Int] = []
        for id in triplet.ids {
            var classRows = rows.filter { split.labels[$0] == id }
            if classRows.count > perClass {
                var generator = SeededGenerator(seed: seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(id + 1))
                for i in 0..<perClass {
                    let j = i + generator.next(below: classRows.count - i)
                    classRows.swapAt(i, j)
                }
                classRows = Array(classRows[0..<perClass])
            }
            kept += classRows
        }
        return kept.sorted()
    }
}
