import PenvizAnalysis
import PenvizTestSupport
import Testing

@testable import PenvizReport

/// The plain-text table `penviz compare` prints.
@Suite("Comparison table")
struct ComparisonTableTests {
    static let text = ComparisonTable(SampleMetrics.comparison).text
    static let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    @Test("a line per run and split, then a titled block per triplet, blocks apart by a blank line")
    func shape() {
        #expect(Self.lines == [
            "run       split      n  accuracy  within  between  cluster_ratio    gap  ls_gap  incorrect_spread  distance_cv",
            "hard      val    10000    0.9287   15.45        -              -  15.11       -             4.825            -",
            "smoothed  val    10000    0.9346   6.692    15.12         0.4427  4.307   4.511            0.6125       0.1418",
            "",
            "similar: T-shirt/top (0), Pullover (2), Shirt (6); separation 1.11 in hard",
            "run   split  spread T-shirt/top  spread Pullover  spread Shirt  separation  tightness",
            "hard  val                  4.18             4.68             -        1.11          -",
            "",
        ])
    }

    @Test("an automatic triplet's title says why it was chosen, on a line of its own")
    func reason() {
        var metrics = SampleMetrics.comparison
        metrics.triplets[0].reason = "mean mutual confusion 0.0638 on val, the highest of 120 triplets"
        let lines = ComparisonTable(metrics).text.split(separator: "\n").map(String.init)
        let title = lines.firstIndex { $0.hasPrefix("similar: ") }!
        #expect(lines[title + 1] == "why: mean mutual confusion 0.0638 on val, the highest of 120 triplets")
    }
}
