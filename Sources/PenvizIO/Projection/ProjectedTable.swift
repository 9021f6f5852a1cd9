import Foundation
import PenvizCore

/// The plane coordinates of a split's examples, as `penviz project` writes them.
///
/// - CSV: `index,label,class,p1,p2`, one row an example (`index` is the row in the file).
/// - `.npy`: a float64 N×4 array `[index, label, p1, p2]`.
/// - JSON: the run, split, classes, basis (`origin`, `e1`, `e2`), template
///   coordinates and every point (see the README for the schema).
public struct ProjectedTable {
    /// The run the examples come from.
    public let run: Run
    /// The split projected.
    public let split: Split
    /// The plane.
    public let plane: TemplatePlane
    /// Positions in the split of the projected rows.
    public let rows: [Int]
    /// Their coordinates, in the order of `rows`.
    public let points: [PlanePoint]

    public init(run: Run, split: Split, plane: TemplatePlane, rows: [Int], points: [PlanePoint]) {
        precondition(rows.count == points.count)
        self.run = run
        self.split = split
        self.plane = plane
        self.rows = rows
        self.points = points
    }

    /// CSV text with a header row.
    public func csv() -> Data {
        let lines: [[DelimitedTextWriter.Field]] = zip(rows, points).map { row, point in
            let label = split.labels[row]
            return [.integer(split.fileRows[row]), .integer(label), .text(run.classNames[label]), .number(point.p1), .number(point.p2)]
        }
        return DelimitedTextWriter().encode(header: ["index", "label", "class", "p1", "p2"], rows: lines)
    }

    /// A float64 N×4 `.npy` array: index, label, p1, p2.
    public func npy() -> Data {
        NpyWriter.encode(float64Count: rows.count * 4, shape: [rows.count, 4]) { values in
            for (position, (row, point)) in zip(rows, points).enumerated() {
                values[4 * position] = Double(split.fileRows[row])
                values[4 * position + 1] = Double(split.labels[row])
                values[4 * position + 2] = point.p1
                values[4 * position + 3] = point.p2
            }
        }
    }

    /// Deterministic JSON with the basis, templates and points.
    public func json() throws -> Data {
        try JSONOutput.encode(Document(self))
    }

    /// The JSON document's shape.
    private struct Document: Encodable {
        struct ClassEntry: Encodable { let id: Int; let name: String; let p1: Double; let p2: Double }
        struct Basis: Encodable { let origin: [Double]; let e1: [Double]; let e2: [Double] }
        struct Point: Encodable { let index: Int; let label: Int; let `class`: String; let p1: Double; let p2: Double }

        let run: String
        let source: String
        let split: String
        let includesBias: Bool
        let templates: [ClassEntry]
        let basis: Basis
        let points: [Point]

        init(_ table: ProjectedTable) {
            let names = table.run.classNames
            run = table.run.name
            source = table.run.source
            split = table.split.name
            includesBias = table.plane.includesBias
            templates = zip(table.plane.triplet.ids, table.plane.templateCoordinates).map {
                ClassEntry(id: $0, name: names[$0], p1: $1.p1, p2: $1.p2)
            }
            basis = Basis(origin: table.plane.origin, e1: table.plane.e1, e2: table.plane.e2)
            points = zip(table.rows, table.points).map { row, point in
                let label = table.split.labels[row]
                return Point(index: table.split.fileRows[row], label: label, class: names[label], p1: point.p1, p2: point.p2)
            }
        }

        enum CodingKeys: String, CodingKey {
            case run, source, split, templates, basis, points
            case includesBias = "includes_bias"
        }
    }
}
