extension Findings {
    /// Which run is better calibrated before temperature scaling, by ECE.
    ///
    /// "Before temperature scaling, the smoothed run is worse calibrated than the hard run on test:
    /// ECE 0.0887 against 0.0174, 5.1× higher."
    public static func calibration(split: String, from first: Value, to other: Value) -> String {
        let start = "Before temperature scaling, \(the(other.run)) is"
        let values = "ECE \(ReportNumber.significant(other.value)) against \(ReportNumber.significant(first.value))"
        switch Direction(from: first.value, to: other.value) {
        case .same:
            return "\(start) about as well calibrated as \(the(first.run)) on \(split): \(values)."
        case .lower(let factor):
            return "\(start) better calibrated than \(the(first.run)) on \(split): \(values)"
                + (factor.isFinite ? ", \(ReportNumber.factor(factor)) lower." : ".")
        case .higher(let factor):
            return "\(start) worse calibrated than \(the(first.run)) on \(split): \(values)"
                + (factor.isFinite ? ", \(ReportNumber.factor(factor)) higher." : ".")
        }
    }

    /// What temperature scaling did to one run: which way T* bends the softmax, and the ECE before and after.
    ///
    /// "For the hard run, T* = 1.11 (fitted on val) softens an over-confident softmax and cuts the ECE from 0.0174
    /// to 0.00876."
    public static func temperatureScaling(run: String, temperature: Double, fitSplit: String, before: Double, after: Double) -> String {
        let start = "For \(the(run)), T* = \(ReportNumber.parameter(temperature)) (fitted on \(fitSplit))"
        let bends: String
        if abs(temperature - 1) < 1e-9 {
            bends = "leaves the softmax as it is"
        } else if temperature > 1 {
            bends = "softens an over-confident softmax"
        } else {
            bends = "sharpens an under-confident softmax"
        }
        let values = "from \(ReportNumber.significant(before)) to \(ReportNumber.significant(after))"
        switch Direction(from: before, to: after) {
        case .same:
            return "\(start) \(bends) and leaves the ECE about where it was, \(values)."
        case .lower(let factor):
            return "\(start) \(bends) and cuts the ECE \(factorPrefix(factor))\(values)."
        case .higher(let factor):
            return "\(start) \(bends) but raises the ECE \(factorPrefix(factor))\(values): scaling made calibration worse."
        }
    }

    /// Label smoothing alone against temperature scaling alone, as in the paper's Table 3: the
    /// smoothed run's ECE before scaling against the reference run's ECE after it.
    ///
    /// "Label smoothing alone (the smoothed run, ECE 0.0887) calibrates worse than temperature scaling alone
    /// (the hard run after T*, ECE 0.00876)."
    public static func smoothingVersusScaling(smoothed: Value, scaled: Value) -> String {
        let smoothing = "Label smoothing alone (\(the(smoothed.run)), ECE \(ReportNumber.significant(smoothed.value)))"
        let scaling = "temperature scaling alone (\(the(scaled.run)) after T*, ECE \(ReportNumber.significant(scaled.value)))"
        switch Direction(from: scaled.value, to: smoothed.value) {
        case .same: return "\(smoothing) calibrates about as well as \(scaling)."
        case .lower: return "\(smoothing) calibrates better than \(scaling)."
        case .higher: return "\(smoothing) calibrates worse than \(scaling)."
        }
    }
}
