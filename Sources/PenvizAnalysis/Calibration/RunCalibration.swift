import PenvizCore

/// One run's calibration (DESIGN.md §3): every top-label figure of the
/// evaluation split before temperature scaling and again after it, with the
/// temperature T* fitted on the fitting split, and a bootstrap interval for each ECE.
///
/// The fitting split defaults to `val` (else the run's first split); the
/// evaluation split to `test` when the run has it, else the fitting split.
/// Logits are the split's stored ones, or `x·Wᵀ + b` in Float64 when it has none.
/// Temperature scaling does not move the argmax, so the accuracy is the same
/// before and after; on the fitting split the NLL after is never above the NLL before.
///
/// ```swift
/// let hard = try RunCalibration(label: "hard", run: run)           // fit on val, evaluate on test
/// print(hard.scaling.temperature, hard.before.ece, hard.after.ece)
/// ```
public struct RunCalibration: Sendable {
    /// The run's label in tables, figures and JSON.
    public let label: String
    /// The file or folder the run came from.
    public let source: String
    /// The run's label smoothing α; nil when unknown.
    public let alpha: Double?
    /// The split T* was fitted on.
    public let fitSplit: String
    /// The split every figure is measured on.
    public let evalSplit: String
    /// The fitted temperature and where it lies in the searched range.
    public let scaling: TemperatureScaling
    /// The evaluation split's figures at T = 1.
    public let before: CalibrationMetrics
    /// The evaluation split's figures at T = T*.
    public let after: CalibrationMetrics
    /// The bootstrap interval of ``before``'s ECE; nil when no resamples were asked for.
    public let beforeInterval: BootstrapInterval?
    /// The bootstrap interval of ``after``'s ECE, from the same resamples; nil when none were asked for.
    public let afterInterval: BootstrapInterval?
    /// Things the user should know that are not errors: logits computed from
    /// features, a default split that is not the usual one, T* on a bound of its range.
    public let notes: [String]

    /// Calibrates `run` under `label`, with `alpha` (default: the α the run
    /// stored), on the named splits or their defaults.
    ///
    /// - Throws: ``PenvizError`` (input) naming the run when a named split is
    ///   missing (listing the splits it has) or a split has no examples.
    public init(
        label: String, run: Run, alpha: Double? = nil, fitSplit: String? = nil, evalSplit: String? = nil,
        settings: CalibrationSettings = CalibrationSettings()
    ) throws {
        var notes: [String] = []
        let fit = try fitSplit.map(run.requiredSplit(named:)) ?? run.split(named: "val") ?? run.splits[0]
        if fitSplit == nil && fit.name != "val" {
            notes.append("\(run.source) has no split 'val': T* is fitted on '\(fit.name)'")
        }
        let eval = try evalSplit.map(run.requiredSplit(named:)) ?? run.split(named: "test") ?? fit
        if eval.name == fit.name {
            notes.append("\(run.source): T* is fitted on '\(fit.name)', the split it is evaluated on, so 'after' flatters it")
        }
        for split in fit.name == eval.name ? [fit] : [fit, eval] where split.logits == nil {
            notes.append("\(run.source): split '\(split.name)' has no logits; they are computed as x·Wᵀ + b in Float64")
        }

        // Logits computed from the features are computed once a split and held (8·N·K bytes),
        // since the fit reads them many times and the evaluation twice.
        let space = LogitSpace(run: run)
        let fitLogits = space.modelLogits(of: fit).heldWhenComputed()
        let evalLogits = eval.name == fit.name ? fitLogits : space.modelLogits(of: eval).heldWhenComputed()
        let scaling: TemperatureScaling
        let raw: TopLabelPredictions, scaled: TopLabelPredictions
        do {
            scaling = try TemperatureScaling(logits: fitLogits, labels: fit.labels)
        } catch let error as PenvizError {
            throw PenvizError.input(run.source, "split '\(fit.name)': \(error.message)")
        }
        do {
            raw = try TopLabelPredictions(logits: evalLogits, labels: eval.labels, temperature: 1)
            scaled = try TopLabelPredictions(logits: evalLogits, labels: eval.labels, temperature: scaling.temperature)
        } catch let error as PenvizError {
            throw PenvizError.input(run.source, "split '\(eval.name)': \(error.message)")
        }
        for split in fit.name == eval.name ? [fit] : [fit, eval] { try split.verifyStorage() }
        switch scaling.outcome {
        case .lowestTemperature, .highestTemperature:
            notes.append("\(run.source): T* lies on the bound \(scaling.temperature) of the searched range"
                + " \(TemperatureScaling.range.lowerBound)…\(TemperatureScaling.range.upperBound)")
        case .flat:
            notes.append("\(run.source): the NLL of '\(fit.name)' does not depend on T (every row's logits are equal); T* = 1")
        case .interior:
            break
        }

        func interval(_ predictions: TopLabelPredictions) -> BootstrapInterval? {
            guard settings.resamples > 0 else { return nil }
            return BootstrapInterval(
                predictions: predictions, binCount: settings.binCount, binning: settings.binning,
                resamples: settings.resamples, seed: settings.seed)
        }
        self.label = label
        source = run.source
        self.alpha = alpha ?? run.labelSmoothing
        self.fitSplit = fit.name
        self.evalSplit = eval.name
        self.scaling = scaling
        before = CalibrationMetrics(predictions: raw, binCount: settings.binCount, binning: settings.binning)
        after = CalibrationMetrics(predictions: scaled, binCount: settings.binCount, binning: settings.binning)
        // The same seed draws the same resamples of the same n examples: the two intervals are paired.
        beforeInterval = interval(raw)
        afterInterval = interval(scaled)
        self.notes = notes
    }
}
