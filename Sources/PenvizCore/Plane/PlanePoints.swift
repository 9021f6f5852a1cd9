/// The examples of a plane's three classes, projected from their template
/// logits as a ``SplitPass`` reads them (``TemplatePlane/project(templateLogits:_:_:)``):
/// a panel's points, in row order, without a read of the features of their own.
public struct PlanePoints: RowAccumulating {
    /// The plane the points lie on.
    public let plane: TemplatePlane
    /// The points, in row order.
    public private(set) var points: [PlanePoint] = []
    /// Each point's class id (one of the plane's three).
    public private(set) var labels: [Int] = []
    /// Each point's position in the split.
    public private(set) var positions: [Int] = []

    /// No points yet, on `plane`.
    public init(plane: TemplatePlane) {
        self.plane = plane
    }

    /// Points already projected: `points[i]` of class `labels[i]` at split position `positions[i]`, in row order.
    public init(plane: TemplatePlane, points: [PlanePoint], labels: [Int], positions: [Int]) {
        precondition(points.count == labels.count && labels.count == positions.count,
                     "PlanePoints: \(points.count) points, \(labels.count) labels, \(positions.count) positions")
        self.plane = plane
        self.points = points
        self.labels = labels
        self.positions = positions
    }

    public mutating func add(_ row: ExampleRow) {
        let triplet = plane.triplet
        guard row.label == triplet.a || row.label == triplet.b || row.label == triplet.c else { return }
        guard let z = row.templateLogits else { preconditionFailure("PlanePoints: the pass has no template logits") }
        points.append(plane.project(templateLogits: z[triplet.a], z[triplet.b], z[triplet.c]))
        labels.append(row.label)
        positions.append(row.position)
    }

    public mutating func append(_ next: Self) {
        points += next.points
        labels += next.labels
        positions += next.positions
    }
}

/// The ``PlanePoints`` of several planes, gathered by one pass.
public struct PlanePointSets: RowAccumulating {
    /// One set of points a plane, in the order the planes were given.
    public private(set) var sets: [PlanePoints]

    /// No points yet, on each of `planes`.
    public init(planes: [TemplatePlane]) {
        sets = planes.map(PlanePoints.init)
    }

    public mutating func add(_ row: ExampleRow) {
        for index in sets.indices { sets[index].add(row) }
    }

    public mutating func append(_ next: Self) {
        for index in sets.indices { sets[index].append(next.sets[index]) }
    }
}
