import PenvizCore

extension CalibrationReport {
    /// One calibrated run.
    ///
    /// ```text
    /// label                the run's label (--labels, default the file name without extension)
    /// source               the file or folder it was read from
    /// alpha                label smoothing α (--label-smoothing, else the run's stored label_smoothing), or null
    /// fit_split            the split T* was fitted on
    /// eval_split           the split every figure is measured on
    /// temperature          T*, argmin of the fitting split's NLL over T in [0.05, 20]
    /// temperature_outcome  "interior", "lower_bound" (T* = 0.05), "upper_bound" (T* = 20) or "flat" (T* = 1)
    /// before               Evaluation at T = 1
    /// after                Evaluation at T = T*
    /// ```
    public struct RunEntry: Codable, Equatable, Sendable {
        /// Where T* lies in the searched range.
        public enum TemperatureOutcome: String, Codable, Sendable {
            /// Strictly inside: the NLL's slope in 1/T vanishes at T*.
            case interior
            /// At T = 0.05: under-confident beyond the range.
            case lowerBound = "lower_bound"
            /// At T = 20: over-confident beyond the range.
            case upperBound = "upper_bound"
            /// The NLL does not depend on T: T* = 1.
            case flat

            /// The outcome of a fit.
            public init(_ outcome: TemperatureScaling.Outcome) {
                switch outcome {
                case .interior: self = .interior
                case .lowestTemperature: self = .lowerBound
                case .highestTemperature: self = .upperBound
                case .flat: self = .flat
                }
            }
        }

        /// The run's label.
        public var label: String
        /// The file or folder the run came from.
        public var source: String
        /// The run's label smoothing α; nil when unknown.
        @NullEncoded public var alpha: Double?
        /// The split T* was fitted on.
        public var fitSplit: String
        /// The split the figures are measured on.
        public var evalSplit: String
        /// The fitted temperature T*.
        public var temperature: Double
        /// Where T* lies in the searched range.
        public var temperatureOutcome: TemperatureOutcome
        /// The evaluation split at T = 1.
        public var before: Evaluation
        /// The evaluation split at T = T*.
        public var after: Evaluation

        /// The entry of a calibrated run.
        public init(_ run: RunCalibration) {
            label = run.label
            source = run.source
            alpha = run.alpha
            fitSplit = run.fitSplit
            evalSplit = run.evalSplit
            temperature = run.scaling.temperature
            temperatureOutcome = TemperatureOutcome(run.scaling.outcome)
            before = Evaluation(run.before, interval: run.beforeInterval)
            after = Evaluation(run.after, interval: run.afterInterval)
        }

        private enum CodingKeys: String, CodingKey {
            case label, source, alpha
            case fitSplit = "fit_split"
            case evalSplit = "eval_split"
            case temperature
            case temperatureOutcome = "temperature_outcome"
            case before, after
        }
    }
}
