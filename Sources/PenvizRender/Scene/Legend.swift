/// A key that names the colours of a figure row.
///
/// The layout places a legend beside its row or under it
/// (``FigureOptions/legend``), outside every plot area, so it never covers data.
public struct Legend: Equatable, Sendable {
    /// What an entry's key looks like.
    public enum Symbol: Equatable, Sendable {
        /// A filled circle, as the scatter points.
        case marker
        /// A short line, dashed as `dash` says (alternating dash and gap lengths in
        /// points, as ``Stroke/dash``; empty for solid), as the curve it names.
        case line(dash: [Double] = [])
        /// A filled square, as bars.
        case box
        /// A filled square hatched with diagonal lines of this colour and outlined in
        /// it, as the gap bars of a reliability diagram.
        case hatchedBox(Color)
    }

    /// One labelled key.
    public struct Entry: Equatable, Sendable {
        /// The text beside the key.
        public var label: String
        /// The key's colour.
        public var color: Color
        /// The key's shape.
        public var symbol: Symbol

        /// An entry from its parts.
        public init(label: String, color: Color, symbol: Symbol = .marker) {
            self.label = label
            self.color = color
            self.symbol = symbol
        }
    }

    /// The entries, top to bottom.
    public var entries: [Entry]
    /// A short text under the entries, such as why the row's triplet was chosen:
    /// set smaller, wrapped to a few lines, in a legend beside its row (a legend
    /// under its row leaves it out).
    public var note: String?

    /// A legend of the given entries, with an optional note.
    public init(entries: [Entry], note: String? = nil) {
        self.entries = entries
        self.note = note
    }

    /// A legend with one marker entry per class, with an optional note.
    public init(classes: [ClassStyle], note: String? = nil) {
        self.init(entries: classes.map { Entry(label: $0.name, color: $0.color) }, note: note)
    }
}

/// Where the layout puts each row's legend, always outside the plot areas.
public enum LegendPlacement: String, Equatable, Sendable, CaseIterable {
    /// Entries stacked at the right of the row: the paper's layout for wide grids.
    case right
    /// Entries side by side in one line under the row: keeps a lone panel square.
    case below
}
