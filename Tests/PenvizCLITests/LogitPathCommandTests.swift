import Foundation
import Testing

/// Where a split's logits come from, as `penviz inspect` and `penviz compare` say it,
/// on the hand-solved run of ``RunFolder``: with bias-augmented templates
/// (0,0,0), (2,0,0), (0,2,2) the logits of x are z = (0, 2x₁, 2x₂ + 2).
@Suite("logit paths")
struct LogitPathCommandTests {
    /// The logits of the val rows (1,1), (2,0), (0,0), (5,5).
    static let logits: [Double] = [0, 2, 4, 0, 4, 2, 0, 0, 2, 0, 10, 12]

    /// The `split val:` line of `penviz inspect` on `folder`'s run.
    static func inspectLine(_ folder: RunFolder) throws -> String {
        let result = try PenvizProcess.run(["inspect", folder.run.path])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("  split val:") }.map(String.init))
    }

    @Test("inspect: stored logits that are the features times the final layer, others, and none")
    func inspect() throws {
        let folder = try RunFolder()
        defer { folder.cleanUp() }
        #expect(try Self.inspectLine(folder) == "  split val: no stored logits; computed as x·Wᵀ + b from the features")
        folder.write("val_logits", NpyBytes.float64(Self.logits, shape: [4, 3]))
        let agreeing = try Self.inspectLine(folder)
        #expect(agreeing.hasPrefix("  split val: logits stored; they are the features times the final layer (largest relative deviation 0 on 4 sampled rows, "))
        #expect(agreeing.hasSuffix("template logits stored"))
        // A hook on another layer: the logits of the rows doubled, off by |z| = the size of their terms.
        folder.write("val_logits", NpyBytes.float64(Self.logits.map { $0 * 2 }, shape: [4, 3]))
        let other = try Self.inspectLine(folder)
        #expect(other.hasPrefix("  split val: logits stored; they are not the features times the final layer (largest relative deviation 1 on 4 sampled rows, "))
        #expect(other.hasSuffix("template logits computed from the features"))
    }

    @Test("compare: a note names the split and the worst row of disagreeing logits; the JSON says which path each took")
    func compare() throws {
        let folder = try RunFolder()
        defer { folder.cleanUp() }
        // Row 3's logits of class 2 are off by 6: 12 + 6 against the terms |5·2| + |2| = 12, a deviation of 0.5.
        var shifted = Self.logits
        shifted[11] += 6
        folder.write("val_logits", NpyBytes.float64(shifted, shape: [4, 3]))
        let metrics = folder.path("m.json")
        let result = try PenvizProcess.run([
            "compare", folder.run.path, folder.run.path, "--labels", "a,b", "--classes", "cat,dog,owl", "--metrics", metrics,
            "--out", folder.path("c.svg"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let notes = result.stderrLines.filter { $0.hasPrefix("note: ") && $0.contains("stored logits are not") }
        #expect(notes.count == 2)
        #expect(notes.allSatisfy { $0.contains("split 'val'") && $0.contains("(row 3, class 2: relative deviation 0.5,") })
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metrics))) as! [String: Any]
        let split = ((document["runs"] as! [[String: Any]])[0]["splits"] as! [[String: Any]])[0]
        #expect(split["logits"] as? String == "stored" && split["template_logits"] as? String == "computed")
        #expect(split["logit_deviation"] as? Double == 0.5)
        // distance_cv is the features': ‖x̃ − t_k‖² of the rows (1,1,1), (2,0,1), (0,0,1), (5,5,1) are
        // (3,3,3), (5,1,9), (1,5,5), (51,35,35), so d = {0,0}, {4,8}, {4,4}, {16,0}: (0+2+0+8)/(0+6+4+8).
        let distanceCV = try #require(split["distance_cv"] as? Double)
        #expect(abs(distanceCV - 10.0 / 18) <= 1e-15)
        // accuracy is the stored logits': argmax 2, 1, 2, 2 against labels 0, 1, 0, 2.
        #expect(split["accuracy"] as? Double == 0.5)
    }
}
