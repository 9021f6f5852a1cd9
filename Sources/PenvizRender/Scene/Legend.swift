/// A key that names the colours of a figure row.
///
/// The layout places a legend beside its row or under it
/// (``FigureOptions/legend``), outside every plot area, so it never covers data.
public struct Legend: Equatable, Sendable {
    /// What an entry's key looks like.
    public enum Symbol: Equatable, Sendable {
        /// A filled circle, as the scatter points.
        case marker
        /// A short line.
        case line
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

    /// A legend of the given entries.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// A legend with one marker entry per class.
    public init(classes: [ClassStyle]) {
        self.init(entries: classes.map { Entry(label: $0.name, color: $0.color) })
    }
}

/// Where the layout puts each row's legend, always outside the plot areas.
public enum LegendPlacement: String, Equatable, Sendable, CaseIterable {
    /// Entries stacked at the right of the row: the paper's layout for wide grids.
    case right
    /// Entries side by side in one line under the row: keeps a lone panel square.
    case below
}
