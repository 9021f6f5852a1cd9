import Foundation
import PenvizAnalysis
import PenvizTestSupport
import Testing

@testable import PenvizReport

/// The table `penviz erasure` prints.
@Suite("ErasureTable")
struct ErasureTableTests {
    @Test("the table: a line naming the classes and key, then one line a run")
    func table() throws {
        let text = ErasureTable(ErasureReport(runs: try ErasureTestRuns.runs(), classNames: ["c0", "c1", "c2"])).text
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(text.hasPrefix("classes: c0 (0) − c2 (2), key train_logits_aug\n"))
        #expect(lines[1] == ["run", "alpha", "n", "L", "Î", "ln", "N", "Î/ln", "N", "σ²"])
        // Î = ln 2 − ½ (ln(1 + e⁻⁴) + ln 2) = 0.33742…, ln 2 = 0.69315, Î/ln N = 0.48680
        let information: Double = log(2) - (log(1 + exp(-4)) + log(2)) / 2
        #expect(lines[2].prefix(4) == ["hard", "-", "2", "2"] && lines[3].prefix(4) == ["smoothed", "0.1", "2", "2"])
        let shown = lines[2][4...7].map { Double($0)! }
        let ln2: Double = log(2)
        let expected: [Double] = [information, ln2, information / ln2, 1]
        for (value, expected) in zip(shown, expected) {
            #expect(abs(value - expected) <= 1e-4 * expected)
        }
    }
}
