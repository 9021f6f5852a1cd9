/// The 2-D affine plane through three class templates, and the projection of
/// examples onto it (DESIGN.md §2, in Float64).
///
/// For the triplet `(a, b, c)` and templates `t_a, t_b, t_c` (see ``ClassTemplates``):
///
/// 1. origin `o = (t_a + t_b + t_c) / 3`;
/// 2. `u1 = t_b − t_a`, `u2 = t_c − t_a`;
/// 3. `e1 = u1 / ‖u1‖`; `v = u2 − (u2·e1) e1`, orthogonalised against `e1` a second
///    time to remove rounding; `e2 = v / ‖v‖`;
/// 4. a point's coordinates are `(p1, p2) = ((x̃ − o)·e1, (x̃ − o)·e2)`.
///
/// Orientation rule: `e1` points from class `a`'s template to class `b`'s, and
/// `e2` is perpendicular to it, on the side of class `c`'s template (its `p2` is
/// always positive). Listing the same three classes in another order moves every
/// point by the same rotation or reflection about the origin: distances are
/// unchanged. Swapping `a` and `b` flips `p1` and keeps `p2`.
public struct TemplatePlane: Sendable, Codable {
    /// The classes whose templates span the plane.
    public let triplet: Triplet
    /// True when templates carry the bias and examples the appended 1 (the default).
    public let includesBias: Bool
    /// The origin `o`, the centroid of the three templates (length D + 1 with the bias, D without).
    public let origin: [Double]
    /// The first unit basis vector, along `t_b − t_a`.
    public let e1: [Double]
    /// The second unit basis vector, orthogonal to `e1`, towards `t_c`.
    public let e2: [Double]
    /// The plane coordinates of the templates of `a`, `b` and `c`, in that order.
    public let templateCoordinates: [PlanePoint]
    /// The constant terms `e[D] − o·e` (bias) or `−o·e` of the per-row projection, for e1 and e2:
    /// a row's coordinates are `x·e1[0..<D]` and `x·e2[0..<D]` plus these.
    public let projectionOffsets: PlanePoint
    /// `o·e1` and `o·e2`, over the whole template (with the bias when there is one).
    private let originOffsets: PlanePoint

    /// The plane through the templates of `triplet`.
    ///
    /// - Parameter classNames: the K class names, used only to name the classes in errors.
    /// - Throws: ``PenvizError`` (usage) when the ids are not three distinct classes
    ///   in `0..<K`; ``PenvizError`` (input) naming the classes when the three
    ///   templates are (nearly) collinear or equal, i.e. when `‖u1‖` or `‖v‖` is below
    ///   `1e-9 · max(‖t_a‖, ‖t_b‖, ‖t_c‖, 1)`.
    public init(templates: ClassTemplates, triplet: Triplet, classNames: [String]? = nil) throws {
        guard triplet.isValid(classCount: templates.count) else {
            throw PenvizError.usage(
                "a triplet needs three distinct class ids in 0…\(templates.count - 1), got \(triplet)")
        }
        let n = templates.dimension
        let ta = templates.template(triplet.a), tb = templates.template(triplet.b), tc = templates.template(triplet.c)
        // o = (t_a + t_b + t_c) / 3
        let origin = (0..<n).map { (ta[$0] + tb[$0] + tc[$0]) / 3 }
        // u1 = t_b − t_a, u2 = t_c − t_a
        let u1 = zip(tb, ta).map { $0 - $1 }
        let u2 = zip(tc, ta).map { $0 - $1 }
        // Below this length a difference counts as zero: 1e-9 · max(‖t_a‖, ‖t_b‖, ‖t_c‖, 1).
        let threshold = 1e-9 * max(Self.norm(ta), Self.norm(tb), Self.norm(tc), 1)
        let degenerate = PenvizError(
            .input,
            "the templates of classes \(Self.describe(triplet, classNames)) are (nearly) collinear or equal,"
                + " so they span no plane; choose another triplet")

        // e1 = u1 / ‖u1‖
        let u1Length = Self.norm(u1)
        guard u1Length >= threshold else { throw degenerate }
        let e1 = u1.map { $0 / u1Length }
        // v = u2 − (u2·e1) e1, then once more v ← v − (v·e1) e1 (re-orthogonalisation)
        var v = Self.removingComponent(along: e1, from: u2)
        v = Self.removingComponent(along: e1, from: v)
        // e2 = v / ‖v‖
        let vLength = Self.norm(v)
        guard vLength >= threshold else { throw degenerate }
        let e2 = v.map { $0 / vLength }

        // A template's coordinates: ((t_k − o)·e1, (t_k − o)·e2), from the differences t_k − o.
        let templateCoordinates = [ta, tb, tc].map { template in
            let centred = zip(template, origin).map { $0 - $1 }
            return PlanePoint(p1: Self.dot(centred, e1), p2: Self.dot(centred, e2))
        }
        self.init(
            triplet: triplet, includesBias: templates.includesBias, origin: origin, e1: e1, e2: e2,
            templateCoordinates: templateCoordinates)
    }

    /// The plane through the templates of `triplet`, built from a final layer's
    /// `weight` (K×D) and `bias` (K); see ``init(templates:triplet:classNames:)``.
    public init(
        weight: Matrix, bias: [Double], triplet: Triplet, includeBias: Bool = true, classNames: [String]? = nil
    ) throws {
        try self.init(
            templates: ClassTemplates(weight: weight, bias: bias, includeBias: includeBias),
            triplet: triplet, classNames: classNames)
    }

    private init(
        triplet: Triplet, includesBias: Bool, origin: [Double], e1: [Double], e2: [Double],
        templateCoordinates: [PlanePoint]
    ) {
        self.triplet = triplet
        self.includesBias = includesBias
        self.origin = origin
        self.e1 = e1
        self.e2 = e2
        self.templateCoordinates = templateCoordinates
        // With x̃ = [x, 1]:  (x̃ − o)·e = x·e[0..<D] + (e[D] − o·e), so each row costs two
        // dot products of length D plus these constants. Without the bias: x·e − o·e.
        func offset(_ e: [Double]) -> Double {
            (includesBias ? e[e.count - 1] : 0) - Self.dot(origin, e)
        }
        projectionOffsets = PlanePoint(p1: offset(e1), p2: offset(e2))
        originOffsets = PlanePoint(p1: Self.dot(origin, e1), p2: Self.dot(origin, e2))
    }

    /// Length of a feature row, D (the basis vectors have one more element with the bias).
    public var featureDimension: Int { includesBias ? e1.count - 1 : e1.count }

    /// The coordinates of the feature row `x` (D values, without the appended 1).
    ///
    /// Computed as `p1 = x·e1[0..<D] + (e1[D] − o·e1)` (without the bias,
    /// `x·e1 − o·e1`), and likewise `p2`: algebraically `(x̃ − o)·e1`, at the cost of
    /// two dot products per row. The rounding error is a few ulps of `‖x̃‖ + ‖o‖`.
    public func project(_ x: UnsafeBufferPointer<Double>) -> PlanePoint {
        precondition(x.count == featureDimension, "TemplatePlane: a row of \(x.count) values for D = \(featureDimension)")
        return e1.withUnsafeBufferPointer { e1 in
            e2.withUnsafeBufferPointer { e2 in
                let d = featureDimension
                return PlanePoint(
                    p1: VectorKernels.dot(x.baseAddress!, e1.baseAddress!, count: d) + projectionOffsets.p1,
                    p2: VectorKernels.dot(x.baseAddress!, e2.baseAddress!, count: d) + projectionOffsets.p2)
            }
        }
    }

    /// The coordinates of an example from its three template logits
    /// `z̃_a = x̃·t_a`, `z̃_b`, `z̃_c` (DESIGN.md §2, step 5): O(1), no features.
    ///
    /// With `n1 = ‖t_b − t_a‖`, `c = (t_c − t_a)·e1` and `n2 = ‖v‖` (read off the
    /// templates' own coordinates: `t_b − t_a = n1 e1`, `t_c − t_a = c e1 + n2 e2`),
    ///
    ///     p1 = (z̃_b − z̃_a)/n1 − o·e1
    ///     p2 = ((z̃_c − z̃_a) − c (z̃_b − z̃_a)/n1)/n2 − o·e2
    ///
    /// which is `(x̃ − o)·e1` and `(x̃ − o)·e2` since `x̃·(t_k − t_a) = z̃_k − z̃_a`.
    public func project(templateLogits za: Double, _ zb: Double, _ zc: Double) -> PlanePoint {
        let t = templateCoordinates
        let n1 = t[1].p1 - t[0].p1, c = t[2].p1 - t[0].p1, n2 = t[2].p2 - t[0].p2
        // x̃·e1 = (z̃_b − z̃_a)/n1
        let along = (zb - za) / n1
        // x̃·e2 = ((z̃_c − z̃_a) − c·x̃·e1)/n2
        let across = ((zc - za) - c * along) / n2
        return PlanePoint(p1: along - originOffsets.p1, p2: across - originOffsets.p2)
    }

    /// The coordinates of the feature row `x` (D values, without the appended 1).
    public func project(_ x: [Double]) -> PlanePoint {
        x.withUnsafeBufferPointer { project($0) }
    }

    // MARK: Codable (the JSON of `penviz project` carries the basis)

    private enum CodingKeys: String, CodingKey {
        case triplet, includesBias, origin, e1, e2, templateCoordinates
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            triplet: try container.decode(Triplet.self, forKey: .triplet),
            includesBias: try container.decode(Bool.self, forKey: .includesBias),
            origin: try container.decode([Double].self, forKey: .origin),
            e1: try container.decode([Double].self, forKey: .e1),
            e2: try container.decode([Double].self, forKey: .e2),
            templateCoordinates: try container.decode([PlanePoint].self, forKey: .templateCoordinates))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(triplet, forKey: .triplet)
        try container.encode(includesBias, forKey: .includesBias)
        try container.encode(origin, forKey: .origin)
        try container.encode(e1, forKey: .e1)
        try container.encode(e2, forKey: .e2)
        try container.encode(templateCoordinates, forKey: .templateCoordinates)
    }

    // MARK: Vector helpers

    /// x·y
    private static func dot(_ x: [Double], _ y: [Double]) -> Double {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in VectorKernels.dot(x.baseAddress!, y.baseAddress!, count: x.count) }
        }
    }

    /// ‖x‖ = s·sqrt((x/s)·(x/s)), s the power of two at or below the largest |x_i|
    /// (``PowerOfTwoScale``): the same bits as sqrt(x·x) wherever that neither overflows
    /// nor underflows, and finite for any finite x (weights of 1e300).
    private static func norm(_ x: [Double]) -> Double {
        let scale = PowerOfTwoScale.of(x)
        let scaled = x.map { $0 / scale }
        return scale * dot(scaled, scaled).squareRoot()
    }

    /// x − (x·e) e, for a unit vector e.
    private static func removingComponent(along e: [Double], from x: [Double]) -> [Double] {
        let projection = dot(x, e)
        return zip(x, e).map { $0 - projection * $1 }
    }

    /// "'cat' (3), 'dog' (5) and 'fox' (7)", or just the ids without names.
    private static func describe(_ triplet: Triplet, _ classNames: [String]?) -> String {
        let names = triplet.ids.map { id in
            guard let classNames, classNames.indices.contains(id) else { return "\(id)" }
            return "'\(classNames[id])' (\(id))"
        }
        return "\(names[0]), \(names[1]) and \(names[2])"
    }
}
