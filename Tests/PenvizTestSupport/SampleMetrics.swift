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
            ], collapse: .init(split: "train", examples: 60000, statistics: .init(
                n: 60000, classes: 10, nc1: 0.544, nc2EquinormMeans: 0.2316, nc2EquinormWeights: 0.09227, nc2Equiangular: 0.4747,
                nc2MaxAngle: 0.4135, nc3: 0.7499, nc4: 0.0844, cdnv: 0.2865))),
            .init(label: "smoothed", source: "runs/smoothed.npz", alpha: 0.1, classCount: 10, dimension: 128, splits: [
                .init(name: "val", count: 10000, logits: .computed, templateLogits: .computed, logitDeviation: nil, accuracy: 0.9346, within: 6.692, between: 15.12,
                      clusterRatio: 0.4427, gap: 4.307, lsGap: 4.511, incorrectSpread: 0.6125, distanceCV: 0.1418),
            ], collapse: .init(split: "train", examples: 60000, statistics: .init(
                n: 50000, classes: 10, nc1: 0.2729, nc2EquinormMeans: nil, nc2EquinormWeights: 0.07334, nc2Equiangular: 0.355,
                nc2MaxAngle: 0.3143, nc3: 1.099, nc4: 0.0532, cdnv: nil))),
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
