import Foundation
import Testing

/// `--classes` as typed: a comma inside a class name (ImageNet's `tench, Tinca tinca`) is `\,`.
@Suite("Class tokens")
struct ClassTokensTests {
    /// ``RunFolder`` with ImageNet-style class names.
    static func run() throws -> RunFolder {
        let run = try RunFolder()
        run.write("class_names", NpyBytes.unicode(["tench, Tinca tinca", "goldfish, Carassius auratus", "back\\slash"]))
        return run
    }

    @Test("names with escaped commas, and a backslash kept where it escapes nothing, pick their classes")
    func escapedCommas() throws {
        let run = try Self.run()
        defer { run.cleanUp() }
        let out = run.path("coords.json")
        let result = try PenvizProcess.run(
            ["project", run.run.path, "--classes", #"goldfish\, Carassius auratus,back\slash,tench\, Tinca tinca"#, "--split", "val", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let coordinates = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        let templates = coordinates["templates"] as? [[String: Any]] ?? []
        #expect(templates.map { $0["id"] as? Int } == [1, 2, 0])
        #expect(templates.map { $0["name"] as? String } == ["goldfish, Carassius auratus", "back\\slash", "tench, Tinca tinca"])
    }

    @Test("unescaped commas in names: the count is wrong, and the error says how to write one")
    func unescaped() throws {
        let run = try Self.run()
        defer { run.cleanUp() }
        let result = try PenvizProcess.run(
            ["project", run.run.path, "--classes", "tench, Tinca tinca,goldfish, Carassius auratus,2", "--split", "val", "--out", run.path("c.json")])
        #expect(result.status == 64)
        #expect(result.stderr.contains(#"needs three classes separated by commas, got 5 (a comma inside a class name is written \,)"#),
                "\(result.stderr)")
    }
}
