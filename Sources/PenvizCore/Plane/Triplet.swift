/// Three distinct class ids `(a, b, c)`: the classes one panel shows.
///
/// The order matters for the plane's orientation (see ``TemplatePlane``):
/// `a` is the origin side of the first axis, `b` the direction it points to,
/// and `c` fixes which side of that axis is positive on the second one.
public struct Triplet: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first class id.
    public let a: Int
    /// The second class id.
    public let b: Int
    /// The third class id.
    public let c: Int

    /// The triplet `(a, b, c)`; ids are not checked here (``TemplatePlane`` checks them against K).
    public init(_ a: Int, _ b: Int, _ c: Int) {
        self.a = a
        self.b = b
        self.c = c
    }

    /// The ids in order: `[a, b, c]`.
    public var ids: [Int] { [a, b, c] }

    /// True when the three ids differ and all lie in `0..<classCount`.
    public func isValid(classCount: Int) -> Bool {
        a != b && b != c && a != c && ids.allSatisfy { (0..<classCount).contains($0) }
    }

    public var description: String { "(\(a), \(b), \(c))" }
}
