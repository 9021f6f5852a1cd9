/// Where a template's label goes: just outside its marker, on the side facing
/// away from the centre of all the panel's templates, so the labels of a triplet
/// point outwards and stay clear of each other and of the other clusters.
struct TemplateLabelPlacement: Equatable {
    /// The anchor position on the page.
    let position: Point
    /// Which point of the label sits there.
    let anchor: TextAnchor

    /// Placements `reach` points from the centres of markers at page positions
    /// `centers`. A lone template, or one at the centre, is labelled above and to
    /// the right.
    static func outward(from centers: [Point], reach: Double) -> [TemplateLabelPlacement] {
        guard !centers.isEmpty else { return [] }
        let middle = Point(x: centers.map(\.x).reduce(0, +) / Double(centers.count),
                           y: centers.map(\.y).reduce(0, +) / Double(centers.count))
        return centers.map { center in
            var dx = center.x - middle.x, dy = center.y - middle.y
            let length = (dx * dx + dy * dy).squareRoot()
            if length < 1e-9 {
                (dx, dy) = (0.7071, -0.7071)
            } else {
                (dx, dy) = (dx / length, dy / length)
            }
            // Directions within 22.5° of an axis get a label centred on that axis.
            let side = 0.3827
            let horizontal: TextAnchor.Horizontal = dx > side ? .leading : dx < -side ? .trailing : .center
            let vertical: TextAnchor.Vertical = dy > side ? .top : dy < -side ? .bottom : .middle
            return TemplateLabelPlacement(position: Point(x: center.x + dx * reach, y: center.y + dy * reach),
                                          anchor: TextAnchor(horizontal, vertical))
        }
    }
}
