/// How equidistant examples are from the templates of the wrong classes
/// (DESIGN.md §3, `distance_cv`): label smoothing makes them nearly so.
///
/// For each example, the excess squared distance to each wrong template,
/// `d_j = ‖x̃ − t_j‖² − ‖x̃ − t_y‖²` (j ≠ y), each squared distance summed from
/// the differences `x̃_i − t_j,i` (never expanded into dot products); then
///
///     distance_cv = (mean over examples of std_j d_j) / (mean over examples of mean_j d_j)
///
/// with population standard deviations. Templates follow the bias mode of ``ClassTemplates``.
/// The per-example terms are summed by an ``ExcessDistances`` in a ``SplitPass``.
public enum DistanceCV {
    /// `distance_cv` of the examples whose sums are `distances`; nil when the
    /// denominator is 0 (every example exactly as far from every template).
    ///
    /// - Throws: ``PenvizError`` (input) when there are no examples.
    public static func measure(_ distances: ExcessDistances) throws -> Double? {
        guard distances.count > 0 else {
            throw PenvizError(.input, "the split has no examples, so distance_cv is undefined")
        }
        let count = Double(distances.count)
        // (1/N) Σ mean_j d_j
        let meanDistance = distances.means.value / count
        guard meanDistance != 0 else { return nil }
        // ((1/N) Σ std_j d_j) / ((1/N) Σ mean_j d_j)
        return (distances.deviations.value / count) / meanDistance
    }
}
