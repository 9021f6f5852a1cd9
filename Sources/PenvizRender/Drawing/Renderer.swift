/// The drawing primitives every backend implements, in page coordinates (points,
/// origin top left, y down): penviz's one interface between a laid-out figure and
/// a file format, like matplotlib's `RendererBase`.
///
/// Methods do not throw: a backend records the first failure and reports it when
/// the page is finished.
public protocol Renderer: AnyObject {
    /// Fills and then outlines `path`; either may be `nil`.
    func draw(_ path: Path, fill: Color?, stroke: Stroke?)

    /// Draws one line of `text` with `anchor` at `position`, optionally over a
    /// `halo` stroked around the glyphs.
    func draw(text: String, at position: Point, anchor: TextAnchor, font: Font, color: Color,
              orientation: PlacedText.Orientation, halo: Stroke?)

    /// Draws every marker of `batch`, in order.
    func draw(_ batch: MarkerBatch)

    /// Draws `image` stretched over `rect`, smoothly interpolated.
    func draw(_ image: PixelImage, in rect: Rect)

    /// Restricts drawing to `rect` until the matching ``popClip()``.
    func pushClip(_ rect: Rect)

    /// Lifts the innermost clip.
    func popClip()
}
