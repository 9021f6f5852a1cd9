/// Where a row's legend and its entries go on the page.
public struct LegendLayout: Equatable, Sendable {
    /// One entry's key and label.
    public struct Item: Equatable, Sendable {
        /// What the entry shows.
        public let entry: Legend.Entry
        /// The centre of the key symbol.
        public let keyCenter: Point
        /// The label beside the key.
        public let label: PlacedText
    }

    /// The box holding every entry and the note.
    public let frame: Rect
    /// The entries, top to bottom.
    public let items: [Item]
    /// The note's lines under the entries; empty for none.
    public let note: [PlacedText]
}
