import Foundation
import PenvizCore

/// The plane coordinates of a split's examples, as `penviz project` writes them.
///
/// - CSV: `index,label,class,p1,p2`, one row an example (`index` is the row in the file).
/// - `.npy`: a float64 N×4 array `[index, label, p1, p2]`.
///
/// CSV and `.npy` are streamed to the file a block of rows at a time, so a
/// projection of millions of rows never holds its whole output in memory.
/// - JSON: the run, split, classes, basis (`origin`, `e1`, `e2`), template
///   coordinates and every point (see the README for the schema).
public struct ProjectedTable {
    /// The run the examples come from.
    public let run: Run
    /// The split projected.
    public let split: Split
    /// The plane.
    public let plane: TemplatePlane
    /// Positions in the split of the projected rows; nil for every row, in order.
    public let rows: [Int]?
    /// Their coordinates, in the order of `rows`.
    public let points: [PlanePoint]

    public init(run: Run, split: Split, plane: TemplatePlane, rows: [Int]?, points: [PlanePoint]) {
        precondition((rows?.count ?? split.count) == points.count)
        self.run = run
        self.split = split
        self.plane = plane
        self.rows = rows
        self.points = points
    }

    /// Writes the CSV, header row first, to `path` (atomically), `blockRows` rows
    /// at a time: the text of at most one block is in memory.
    public func writeCSV(to path: String, blockRows: Int = 32_768) throws {
        let writer = DelimitedTextWriter()
        try AtomicFile.stream(to: path) { file in
            try file.write(Data(writer.line(["index", "label", "class", "p1", "p2"].map(DelimitedTextWriter.Field.text)).utf8))
            for start in stride(from: 0, to: points.count, by: blockRows) {
                var text = ""
                for position in start..<min(start + blockRows, points.count) {
                    let row = row(at: position), label = split.labels[row], point = points[position]
                    text += writer.line([
                        .integer(split.fileRow(row)), .integer(label), .text(run.classNames[label]),
                        .number(point.p1), .number(point.p2),
                    ])
                }
                try file.write(Data(text.utf8))
            }
        }
    }

    /// Writes the float64 N×4 `.npy` array (index, label, p1, p2) to `path`
    /// (atomically), `blockRows` rows at a time.
    public func writeNpy(to path: String, blockRows: Int = 32_768) throws {
        let (points, labels) = (points, split.labels)
        try AtomicFile.stream(to: path) { file in
            try NpyWriter.write(float64Rows: points.count, columns: 4, to: file, blockRows: blockRows) { block, values in
                var at = 0
                for position in block {
                    let row = row(at: position), point = points[position]
                    values[at] = Double(split.fileRow(row))
                    values[at + 1] = Double(labels[row])
                    values[at + 2] = point.p1
                    values[at + 3] = point.p2
                    at += 4
                }
            }
        }
    }

    /// The split position of the projected row at `position`.
    private func row(at position: Int) -> Int {
        rows?[position] ?? position
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
            points = table.points.indices.map { position in
                let row = table.row(at: position), point = table.points[position]
                let label = table.split.labels[row]
                return Point(index: table.split.fileRow(row), label: label, class: names[label], p1: point.p1, p2: point.p2)
            }
        }

        enum CodingKeys: String, CodingKey {
            case run, source, split, templates, basis, points
            case includesBias = "includes_bias"
        }
    }
}
