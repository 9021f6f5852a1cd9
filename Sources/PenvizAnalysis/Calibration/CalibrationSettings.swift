import PenvizCore

/// How `penviz calibrate` bins and resamples (DESIGN.md §3): the same for every run.
public struct CalibrationSettings: Equatable, Sendable {
    /// Number of bins M (`--bins`, default 15).
    public var binCount: Int
    /// Equal-width or equal-mass bins (`--binning`, default width).
    public var binning: CalibrationBinning
    /// Bootstrap resamples B for the ECE interval (`--bootstrap`, default 200); 0 draws none.
    public var resamples: Int
    /// The seed of the resamples (`--seed`, default 0).
    public var seed: UInt64

    /// Settings from their parts; the defaults are the paper's 15 equal-width bins
    /// and a 200-resample interval seeded with 0.
    public init(binCount: Int = 15, binning: CalibrationBinning = .width, resamples: Int = 200, seed: UInt64 = 0) {
        precondition(binCount >= 1, "CalibrationSettings: needs at least one bin")
        precondition(resamples >= 0, "CalibrationSettings: the number of resamples cannot be negative")
        self.binCount = binCount
        self.binning = binning
        self.resamples = resamples
        self.seed = seed
    }
}
