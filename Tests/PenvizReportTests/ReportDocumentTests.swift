import Testing

@testable import PenvizReport

/// `ReportDocument`: the sections, figures and findings built from the numbers.
@Suite("Report document")
struct ReportDocumentTests {
    @Test("six sections in order, figures numbered 1–4 in the order shown, and the title from the labels")
    func structure() throws {
        let document = try ReportTestRuns.content().document
        #expect(document.sections.map(\.id) == ["runs", "plane", "geometry", "calibration", "erasure", "collapse"])
        #expect(document.figures.map(\.name) == ["compare", "reliability", "erasure", "collapse"])
        #expect(document.figures.map(\.number) == [1, 2, 3, 4])
        #expect(document.title == "What label smoothing did: hard vs smoothed")
        #expect(document.lead[0].contains("hard (hard.npz, α = 0) and smoothed (smoothed.npz, α = 0.1)"))
        #expect(!document.highlights.isEmpty)
        #expect(document.highlights.allSatisfy { sentence in
            document.sections.contains { section in
                section.blocks.contains { if case .findings(let all) = $0 { all.contains(sentence) } else { false } }
            }
        })
    }

    @Test("the findings follow the numbers: halved logits are read as more uniform, and the reverse order as less uniform")
    func direction() throws {
        func geometryFindings(_ content: ReportContent) -> [String] {
            var sentences: [String] = []
            for case .findings(let all) in content.document.sections[2].blocks { sentences += all }
            return sentences
        }
        // The smoothed run's logits are the hard run's halved: every wrong-logit spread halves (factor 2.0).
        let forward = geometryFindings(try ReportTestRuns.content())
        #expect(forward.contains { $0.hasPrefix("The smoothed run's wrong-class logits are 2.0× more uniform than the hard run's") })
        #expect(forward.contains { $0.contains("shrank 2.0×") && $0.contains("that α = 0.1 drives it toward") })
        let backward = geometryFindings(try ReportTestRuns.content(reversed: true))
        #expect(backward.contains { $0.hasPrefix("The hard run's wrong-class logits are 2.0× less uniform than the smoothed run's") })
        #expect(backward.contains { $0.contains("grew 2.0×") })
    }

    @Test("a skipped erasure is a note with its reason; the section stays")
    func skippedErasure() throws {
        let document = try ReportTestRuns.content(augmented: false).document
        #expect(document.sections[4].blocks == [.note("Not measured: no run stores augmented logits.")])
        #expect(document.figures.map(\.name) == ["compare", "reliability", "collapse"])
    }
}
