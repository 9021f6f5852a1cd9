import PenvizCore

/// The distances `‖t_a − t_b‖` between class templates, as the ``PairScores``
/// of the automatic closest and farthest triplets.
///
/// The templates are first multiplied by a power of two that brings their largest
/// value into [1, 2): exact, so every distance scales by the same factor and the
/// ranking is that of the templates as given, while no square overflows or
/// underflows (weights of 1e300 or 1e-300 rank like any others).
///
/// Screening rows come from the Gram matrix on the BLAS, with the templates
/// centred on their mean (``CentredRows``). Its rounding error is at most about
/// `(D + 3)·u·4R²` on the square (R the largest ‖c_k‖, u the unit roundoff), so at
/// most `2·sqrt((D + 3)·u)·R` on the distance; ``screeningError`` doubles that. The ranked distance of a pair is
/// computed from the differences (``ClassTemplates/distance(_:_:)``).
struct TemplateDistances: PairScores {
    /// The templates multiplied by ``scale``.
    let templates: ClassTemplates
    /// The power of two the templates were multiplied by.
    let scale: Double
    /// The scaled templates centred, for the screening rows.
    private let centred: CentredRows
    let screeningError: Double

    /// The distances between `templates`.
    init(_ templates: ClassTemplates) {
        scale = PowerOfTwoScale.inverse(of: templates.values)
        self.templates = templates.scaled(by: scale)
        let n = templates.dimension
        centred = CentredRows(self.templates.values, count: templates.count, dimension: n)
        let radius = (centred.squaredNorms.max() ?? 0).squareRoot()
        // 2·(2·sqrt((D + 3)·u)·R), u = 2⁻⁵³
        screeningError = 4 * (Double(n + 3) * Double.ulpOfOne / 2).squareRoot() * radius
    }

    var classCount: Int { templates.count }

    func rows(_ classes: [Int], into out: UnsafeMutablePointer<Double>) {
        centred.distances(from: classes, into: out)
    }

    func score(_ a: Int, _ b: Int) -> Double {
        templates.distance(a, b)
    }
}
