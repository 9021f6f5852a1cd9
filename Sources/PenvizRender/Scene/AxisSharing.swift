/// Which panels of a figure use the same axis limits.
public enum AxisSharing: String, Equatable, Sendable, CaseIterable {
    /// Every panel of the figure has the same limits and scale, so clusters can be
    /// compared across panels by size.
    case shared
    /// Panels of one row share limits; rows differ.
    case row
    /// Each panel fits its own data.
    case independent
}
