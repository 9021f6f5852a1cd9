/// Many separate straight segments in one style, such as one short stroke per
/// example in an erasure plot. Drawn as a single path, so a file holds one
/// element for all of them.
public struct Segments: Equatable, Sendable {
    /// Where each segment starts, in data coordinates.
    public var starts: [Point]
    /// Where each segment ends, as many as `starts`.
    public var ends: [Point]
    /// How the segments are drawn.
    public var stroke: Stroke

    /// Segments from `starts[i]` to `ends[i]`; the two arrays must be equally long.
    public init(starts: [Point], ends: [Point], stroke: Stroke) {
        precondition(starts.count == ends.count, "Segments: \(starts.count) starts and \(ends.count) ends")
        self.starts = starts
        self.ends = ends
        self.stroke = stroke
    }
}
