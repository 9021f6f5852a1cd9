/// How one class of a panel is named and coloured.
public struct ClassStyle: Equatable, Hashable, Sendable {
    /// The class name shown in the legend and beside the template.
    public var name: String
    /// The colour of its points, template and legend entry.
    public var color: Color

    /// A class style from its parts.
    public init(name: String, color: Color) {
        self.name = name
        self.color = color
    }

    /// Styles for `names` coloured by slot: the first name takes the palette's
    /// first colour, and so on (see ``Palette`` for why penviz colours by slot).
    public static func slots(_ names: [String], palette: Palette = .okabeIto) -> [ClassStyle] {
        names.enumerated().map { ClassStyle(name: $0.element, color: palette[$0.offset]) }
    }
}
