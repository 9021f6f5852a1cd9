/// One thing drawn inside a panel, in the panel's data coordinates.
///
/// Like matplotlib's artists: a panel is a list of marks drawn in order, later
/// marks on top. The panel's layout turns their data coordinates into page
/// coordinates and clips data marks to the plot area.
public enum Mark: Equatable, Sendable {
    /// Many small points coloured by class.
    case scatter(Scatter)
    /// A class template: a larger outlined marker labelled with the class name.
    case template(TemplateMarker)
    /// A line, polyline, polygon or rectangle.
    case path(PathMark)
    /// Many separate line segments in one style.
    case segments(Segments)
    /// A line of text.
    case text(TextMark)
}
