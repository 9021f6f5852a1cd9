import ArgumentParser
import PenvizAnalysis
import PenvizCore

extension CalibrationBinning: ExpressibleByArgument {}

/// How calibration is measured: the splits T* is fitted and measured on, the bins
/// and the bootstrap. Shared by `penviz calibrate` and `penviz report`, each with
/// its own `--seed`.
struct CalibrationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The split T* is fitted on (default: val, else the run's first split).", valueName: "split"))
    var fitSplit: String?

    @Option(help: ArgumentHelp("The split every figure is measured on (default: test, else the fitting split).", valueName: "split"))
    var evalSplit: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of bins M, 1–10000.", valueName: "M"))
    var bins: Int = 15

    @Option(help: ArgumentHelp("Bins of equal width on [0, 1], or of equal mass.", valueName: "width|mass"))
    var binning: CalibrationBinning = .width

    @Option(parsing: .unconditional, help: ArgumentHelp("Bootstrap resamples for each ECE interval, 0–100000; 0 draws none.", valueName: "B"))
    var bootstrap: Int = 200

    /// Checks the numeric options against their documented ranges.
    func validate() throws {
        try OptionRange.check("--bins", bins, in: OptionRange.bins)
        try OptionRange.check("--bootstrap", bootstrap, in: OptionRange.bootstrap)
    }

    /// The settings, with the bootstrap drawn from `seed`.
    func settings(seed: UInt64) -> CalibrationSettings {
        CalibrationSettings(binCount: bins, binning: binning, resamples: bootstrap, seed: seed)
    }

    /// `run` calibrated with these options under `label`, with `alpha` (nil: the run's own), the bootstrap from `seed`.
    func calibration(of run: Run, label: String, alpha: Double?, seed: UInt64) throws -> RunCalibration {
        try RunCalibration(label: label, run: run, alpha: alpha, fitSplit: fitSplit, evalSplit: evalSplit, settings: settings(seed: seed))
    }
}
