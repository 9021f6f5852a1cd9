import Foundation
import PenvizRender

/// Figures and scratch folders shared by the output tests.
enum TestFigures {
    static let classes = ClassStyle.slots(["cat", "dog", "frog"])

    /// One panel of `perClass` points per class on a fixed spiral, three labelled
    /// templates, a legend and a title: every kind of mark the scatter figure uses.
    static func scatter(perClass: Int, title: String = "run · val", width: Double = 300) -> Figure {
        var x: [Double] = [], y: [Double] = [], classIndex: [Int] = []
        let templates = [Point(x: -2, y: -1), Point(x: 2, y: -1), Point(x: 0, y: 2)]
        for index in 0..<perClass {
            for (slot, template) in templates.enumerated() {
                let angle = Double(index) * 2.399963, radius = 0.05 * Double(index % 23)
                x.append(template.x + radius * cos(angle))
                y.append(template.y + radius * sin(angle))
                classIndex.append(slot)
            }
        }
        let panel = Panel.templatePlane(title: title, classes: classes,
                                        points: Scatter(x: x, y: y, classIndex: classIndex), templates: templates)
        return Figure(rows: [.init(panels: [panel], legend: Legend(classes: classes))],
                      options: FigureOptions(width: width, height: 240, title: "Penultimate layer"))
    }

    /// A new empty folder under the system's temporary folder.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("penviz-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
