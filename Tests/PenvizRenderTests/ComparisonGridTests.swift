import Foundation
import PenvizCore
import Testing

@testable import PenvizRender

/// ``ComparisonGrid``: the figure it describes, checked in the scene model and
/// its layout (no Cairo).
@Suite("ComparisonGrid")
struct ComparisonGridTests {
    /// A run with K = 4, D = 2 and the class names cat, dog, owl, emu; split `train`
    /// holds the features `train` with labels `trainLabels`, split `val` the first two rows.
    static func run(_ source: String, scale: Double) throws -> Run {
        func view(_ values: [Double], _ shape: [Int]) throws -> ArrayView {
            let bytes = values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
            return try ArrayView(shape: shape, dtype: .float64, storage: ByteStorage(copying: bytes))
        }
        let features = [1, 0, 0, 1, 3, 3, 2, 0, 0, 2, 9, 9].map { $0 * scale }
        let labels: [Double] = [0, 1, 2, 0, 1, 3]
        return try Run(parts: RunParts(
            source: source, name: source, weight: NamedArray(key: "weight", array: try view([0, 0, 2, 0, 0, 2, 1, 1], [4, 2])),
            classNames: ("class_names", ["cat", "dog", "owl", "emu"]),
            splits: [
                .init(name: "train", features: NamedArray(key: "train_features", array: try view(features, [6, 2])),
                      labels: NamedArray(key: "train_labels", array: try view(labels, [6]))),
                .init(name: "val", features: NamedArray(key: "val_features", array: try view(Array(features[0..<4]), [2, 2])),
                      labels: NamedArray(key: "val_labels", array: try view(Array(labels[0..<2]), [2]))),
            ]))
    }

    /// Hard (scale 4) and smoothed (scale 1) runs on train and val, rows (0,1,2) and (2,1,0);
    /// each panel's points are its split's examples of the three classes, projected from the features.
    static func grid(perClass: Int? = nil) throws -> ComparisonGrid {
        let hard = try run("hard", scale: 4), smoothed = try run("smoothed", scale: 1)
        let panels = [hard, smoothed].flatMap { run in ["train", "val"].map { (run, run.split(named: $0)!) } }
        let names = ["cat", "dog", "owl", "emu"]
        let rows = try [Triplet(0, 1, 2), Triplet(2, 1, 0)].enumerated().map { index, triplet in
            ComparisonGrid.Row(
                label: "row \(index)", classNames: triplet.ids.map { names[$0] },
                points: try panels.map { run, split in
                    let plane = try TemplatePlane(weight: run.weight, bias: run.bias, triplet: triplet)
                    let rows = split.labels.indices.filter { triplet.ids.contains(split.labels[$0]) }
                    return PlanePoints(
                        plane: plane, points: plane.project(features: split.features, rows: rows),
                        labels: rows.map { split.labels[$0] }, positions: rows)
                },
                captions: ["a", "b", nil, "d"])
        }
        return ComparisonGrid(
            columns: panels.map { ComparisonGrid.Column(header: $0.0.name, title: $0.1.name) }, rows: rows,
            panels: PlanePanels(perClass: perClass))
    }

    @Test("rows × columns, run headers, split titles, row labels and captions as given")
    func scene() throws {
        let figure = try Self.grid().figure(options: FigureOptions(width: 1000, height: 480, axes: .independent))
        #expect(figure.rows.count == 2)
        #expect(figure.rows.map(\.panels.count) == [4, 4])
        #expect(figure.columnHeaders == ["hard", "hard", "smoothed", "smoothed"])
        #expect(figure.rows.map(\.label) == ["row 0", "row 1"])
        for row in figure.rows {
            #expect(row.panels.map(\.title) == ["train", "val", "train", "val"])
            #expect(row.panels.map(\.caption) == ["a", "b", nil, "d"])
        }
        #expect(figure.options.axes == .independent)
    }

    @Test("one legend per row naming its triplet in order; its panels use the same class styles")
    func legends() throws {
        let figure = try Self.grid().figure(options: FigureOptions())
        #expect(figure.rows.map { $0.legend?.entries.map(\.label) } == [["cat", "dog", "owl"], ["owl", "dog", "cat"]])
        for row in figure.rows {
            #expect(row.panels.allSatisfy { $0.classes.map(\.name) == row.legend?.entries.map(\.label) })
        }
    }

    @Test("each panel scatters its split's examples of the row's three classes, under three templates")
    func marks() throws {
        let figure = try Self.grid().figure(options: FigureOptions())
        // train labels 0, 1, 2, 0, 1, 3 (five of classes 0–2); val labels 0, 1.
        for row in figure.rows {
            let counts = row.panels.map { panel in
                panel.marks.reduce(0) { count, mark in
                    if case .scatter(let scatter) = mark { return count + scatter.count }
                    return count
                }
            }
            #expect(counts == [5, 2, 5, 2])
            #expect(row.panels.allSatisfy { panel in
                panel.marks.filter { if case .template = $0 { return true } else { return false } }.count == 3
            })
        }
        let sampled = try Self.grid(perClass: 1).figure(options: FigureOptions())
        let first = sampled.rows[0].panels[0].marks.compactMap { mark -> Scatter? in
            if case .scatter(let scatter) = mark { return scatter }
            return nil
        }
        #expect(first.map(\.count) == [3])
    }

    @Test("laid out, equal neighbouring headers merge into one per run, centred over its two columns")
    func layout() throws {
        let figure = try Self.grid().figure(options: FigureOptions(width: 1000, height: 480))
        let layout = FigureLayout(figure, metrics: ApproximateFontMetrics())
        #expect(layout.columnHeaders.map(\.text) == ["hard", "smoothed"])
        #expect(layout.rows.map(\.count) == [4, 4])
        #expect(layout.rowLabels.compactMap { $0?.text } == ["row 0", "row 1"])
        #expect(layout.legends.allSatisfy { $0 != nil })
        let frames = layout.rows[0].map(\.frame)
        let middles = [(frames[0].minX + frames[1].maxX) / 2, (frames[2].minX + frames[3].maxX) / 2]
        for (header, middle) in zip(layout.columnHeaders, middles) {
            #expect(abs(header.bounds.center.x - middle) < 1e-9)
        }
    }

    @Test("axis labels name the plane's basis by the row's classes: e1 under every panel, e2 on the first column only")
    func axisLabels() throws {
        var grid = try Self.grid()
        #expect(grid.figure(options: FigureOptions()).rows.allSatisfy { row in
            row.panels.allSatisfy { $0.xLabel == nil && $0.yLabel == nil }
        })
        grid.panels.axisLabels = true
        let figure = grid.figure(options: FigureOptions())
        #expect(figure.rows[1].panels.map(\.xLabel) == Array(repeating: "e1 (owl → dog)", count: 4))
        #expect(figure.rows[1].panels.map(\.yLabel) == ["e2 (towards cat)", nil, nil, nil])
    }

    @Test("the legend and the points take the options' palette, by slot")
    func palette() throws {
        let figure = try Self.grid().figure(options: FigureOptions(palette: .tolHighContrast))
        #expect(figure.rows[0].legend?.entries.map(\.color) == Palette.tolHighContrast.colors)
        #expect(figure.rows[0].panels.allSatisfy { $0.classes.map(\.color) == Palette.tolHighContrast.colors })
    }
}
