import Foundation
import PenvizAnalysis
import PenvizCore

/// The answer to `/api/panels`: a triplet's points in every run × split, as the
/// page's script reads them into typed arrays without parsing text (README.md):
///
///     u32 H, H bytes of JSON header (spaces pad it to a multiple of 4),
///     then per panel: f32 x[n], f32 y[n], i32 label[n], i32 predicted[n], f32 confidence[n], i32 example[n]
///
/// all little-endian, so every array starts 4-byte aligned.
struct PanelsMessage {
    /// The JSON header: the triplet and, per panel, what it is and its numbers.
    struct Header: Encodable {
        struct Panel: Encodable {
            let run: String
            let runIndex: Int
            let split: String
            let count: Int
            let rows: Int
            let examples: Int
            let templates: [[Double]]
            let metrics: ComparisonMetrics.PanelMetrics

            enum CodingKeys: String, CodingKey {
                case run
                case runIndex = "run_index"
                case split, count, rows, examples, templates, metrics
            }
        }

        let ids: [Int]
        let names: [String]
        let panels: [Panel]
    }

    /// The message's bytes.
    let bytes: [UInt8]

    /// The panels of `panels` measured by `explorer`.
    init(_ panels: ExplorerPanels, of explorer: Explorer) throws {
        let columns = panels.panels.map { ($0, explorer.runs[$0.runIndex].splits[$0.splitIndex]) }
        let header = Header(
            ids: panels.triplet.ids, names: panels.names,
            panels: columns.map { panel, split in
                Header.Panel(
                    run: panel.run, runIndex: panel.runIndex, split: panel.split, count: panel.rows.count,
                    rows: split.positions.count, examples: split.examples,
                    templates: panel.points.plane.templateCoordinates.map { [$0.p1, $0.p2] }, metrics: panel.metrics)
            })
        var json = Array(try JSONEncoder().encode(header))
        while json.count % 4 != 0 { json.append(UInt8(ascii: " ")) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 + json.count + panels.panels.map { 24 * $0.rows.count }.reduce(0, +))
        Self.append(UInt32(json.count), to: &bytes)
        bytes += json
        for (panel, split) in columns {
            let points = panel.points.points
            for point in points { Self.append(Float(point.p1).bitPattern, to: &bytes) }
            for point in points { Self.append(Float(point.p2).bitPattern, to: &bytes) }
            for label in panel.points.labels { Self.append(UInt32(bitPattern: Int32(label)), to: &bytes) }
            for row in panel.rows { Self.append(UInt32(bitPattern: split.predicted[row]), to: &bytes) }
            for row in panel.rows { Self.append(split.confidence[row].bitPattern, to: &bytes) }
            for row in panel.rows { Self.append(UInt32(split.fileRows[row]), to: &bytes) }
        }
        self.bytes = bytes
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}
