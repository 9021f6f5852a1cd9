import PenvizCore

/// A run in logit space (DESIGN.md §2–3, issue 15): its class templates
/// `t_k = [w_k, b_k]` (or `w_k` without the bias), their squared norms `G_kk`
/// (the diagonal of the Gram matrix `G = T Tᵀ`), and for each split the source
/// of its logits and template logits (``SplitLogits``).
///
/// Every per-example metric is a function of a row's K template logits and of
/// G: `distance_cv` needs `d_j = G_jj − G_yy − 2(z̃_j − z̃_y)`, a panel the three
/// columns `z̃_a, z̃_b, z̃_c`. So once the template logits are at hand (stored,
/// or one BLAS product a block of rows), a split is measured in O(N·K), plus one
/// O(N·D) read of the features for the class means.
public struct LogitSpace: Sendable {
    /// The run.
    public let run: Run
    /// The class templates, in the bias mode asked for.
    public let templates: ClassTemplates
    /// `G_kk = ‖t_k‖²` for every class.
    public let squaredNorms: [Double]
    let product: LogitProduct
    /// `|W|` and `|b|`, made once a run for the check of every split's stored logits.
    private let magnitudes: LogitProduct

    /// The run `run` with bias-augmented templates unless `includeBias` is false.
    public init(run: Run, includeBias: Bool = true) {
        self.run = run
        templates = ClassTemplates(weight: run.weight, bias: run.bias, includeBias: includeBias)
        squaredNorms = templates.squaredNorms
        product = LogitProduct(weight: run.weight, bias: run.bias)
        magnitudes = product.magnitudes
    }

    /// True when templates carry the bias.
    public var includesBias: Bool { templates.includesBias }

    /// The logits of `split` (one of the run's), after checking its stored logits
    /// against its features on a sample of rows.
    public func logits(of split: Split) -> SplitLogits {
        SplitLogits(split: split, product: product, magnitudes: magnitudes, includesBias: includesBias)
    }

    /// The model logits of `split` (one of the run's): its stored ones, or
    /// `x·Wᵀ + b` on the BLAS when it saved none. No check against the features:
    /// calibration measures what the model output.
    public func modelLogits(of split: Split) -> LogitSource {
        split.logits.map(LogitSource.stored) ?? product.logits(of: split.features)
    }
}
