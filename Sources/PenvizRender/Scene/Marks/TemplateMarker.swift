/// A class template in the plane: a larger filled circle with a dark outline,
/// labelled with the class name on a white halo.
///
/// The label is placed on the side facing away from the centre of the panel's
/// templates, so that the labels of a triplet point outwards and do not cover
/// each other.
public struct TemplateMarker: Equatable, Sendable {
    /// Where the template lies, in data coordinates.
    public var position: Point
    /// The index of its class in the panel's ``Panel/classes``.
    public var classIndex: Int
    /// The label text; `nil` shows the class name.
    public var label: String?

    /// A template of class `classIndex` at `position`.
    public init(position: Point, classIndex: Int, label: String? = nil) {
        self.position = position
        self.classIndex = classIndex
        self.label = label
    }
}
