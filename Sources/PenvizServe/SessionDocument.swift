import PenvizAnalysis
import PenvizCore

/// The answer to `/api/session`: what the page needs to build itself (README.md).
struct SessionDocument: Encodable {
    struct RunEntry: Encodable {
        struct SplitEntry: Encodable {
            let name: String
            let n: Int
            let shown: Int
            let metrics: ComparisonMetrics.SplitMetrics
        }

        let label: String
        let source: String
        @NullEncoded var alpha: Double?
        let splits: [SplitEntry]
    }

    struct Suggestions: Codable, Equatable, Sendable {
        struct Entry: Codable, Equatable, Sendable {
            let ids: [Int]
            let names: [String]
            let score: Double
        }

        let split: String
        let exact: Bool
        let similar: [Entry]
        let different: [Entry]
    }

    let classes: [String]
    let includesBias: Bool
    let splits: [String]
    let figureSplits: [String]
    let initial: [Int]
    let command: String
    let maxPoints: Int
    let runs: [RunEntry]
    @NullEncoded var suggestions: Suggestions?
    @NullEncoded var suggestionsNote: String?

    enum CodingKeys: String, CodingKey {
        case classes
        case includesBias = "includes_bias"
        case splits
        case figureSplits = "figure_splits"
        case initial, command
        case maxPoints = "max_points"
        case runs, suggestions
        case suggestionsNote = "suggestions_note"
    }

    init(_ content: ExplorerContent) {
        let explorer = content.explorer
        classes = explorer.classNames
        includesBias = explorer.includesBias
        splits = explorer.runs[0].splits.map(\.name)
        figureSplits = content.figureSplits
        initial = content.initial.ids
        command = content.command
        maxPoints = explorer.maxPoints
        runs = explorer.runs.map { run in
            RunEntry(
                label: run.compared.label, source: run.compared.run.source, alpha: run.compared.alpha,
                splits: run.splits.map { RunEntry.SplitEntry(name: $0.name, n: $0.examples, shown: $0.positions.count, metrics: $0.metrics) })
        }
        func entries(_ list: [TripletSuggestions.Entry]) -> [Suggestions.Entry] {
            list.map { Suggestions.Entry(ids: $0.triplet.ids, names: $0.triplet.ids.map { explorer.classNames[$0] }, score: $0.score) }
        }
        switch content.suggestions {
        case .success(let found):
            suggestions = Suggestions(split: found.split, exact: found.isExact, similar: entries(found.similar), different: entries(found.different))
            suggestionsNote = nil
        case .failure(let error):
            suggestions = nil
            suggestionsNote = error.message
        }
    }
}
