import PenvizAnalysis

/// Measured documents written out by hand, for the tests of what formats them.
public enum SampleMetrics {
    /// A document with every nullable value null somewhere.
    public static let comparison = ComparisonMetrics(
        includesBias: true,
        runs: [
            .init(label: "hard", source: "runs/hard.npz", alpha: nil, classCount: 10, dimension: 128, splits: [
                .init(name: "val", count: 10000, logits: .stored, templateLogits: .stored, logitDeviation: 3.1e-7, accuracy: 0.9287, within: 15.45, between: nil,
                      clusterRatio: nil, gap: 15.11, lsGap: nil, incorrectSpread: 4.825, distanceCV: nil),
            ]),
            .init(label: "smoothed", source: "runs/smoothed.npz", alpha: 0.1, classCount: 10, dimension: 128, splits: [
                .init(name: "val", count: 10000, logits: .computed, templateLogits: .computed, logitDeviation: nil, accuracy: 0.9346, within: 6.692, between: 15.12,
                      clusterRatio: 0.4427, gap: 4.307, lsGap: 4.511, incorrectSpread: 0.6125, distanceCV: 0.1418),
            ]),
        ],
        triplets: [
            .init(kind: .similar, ids: [0, 2, 6], names: ["T-shirt/top", "Pullover", "Shirt"], separation: 1.11, panels: [
                .init(run: "hard", split: "val", spreads: [
                    .init(id: 0, name: "T-shirt/top", count: 1000, spread: 4.18),
                    .init(id: 2, name: "Pullover", count: 1000, spread: 4.68),
                    .init(id: 6, name: "Shirt", count: 0, spread: nil),
                ], separation: 1.11, tightness: nil),
            ]),
        ])
}
