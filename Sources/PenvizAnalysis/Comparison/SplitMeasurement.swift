import PenvizCore

/// One split of one run measured in one streaming read of its rows: its
/// whole-split metrics and the points of every triplet's panel, all from the
/// logit engine (``LogitSpace``).
///
/// The pass feeds each row, with its features, model logits and template
/// logits, to the class moments (features: `within`, `between`), the logit
/// margins (model logits: accuracy, gap, incorrect spread), the excess template
/// distances (template logits and `G_kk`: `distance_cv`), the panels' points
/// (three template-logit columns a plane) and the non-finite check of the
/// features, so each split's features are read once a command.
public struct SplitMeasurement: Sendable {
    /// The whole-split metrics.
    public let metrics: ComparisonMetrics.SplitMetrics
    /// The points of each plane's three classes, in the order the planes were given.
    public let panels: [PlanePoints]
    /// The note on stored logits that disagree with the features; nil when there is nothing to say.
    public let note: String?
    /// The rows asked for with `keeping`, with their template logits (the explorer's).
    let keptRows: KeptRows

    /// Measures `split` of the run of `space` on `planes` (each a plane of that run),
    /// with `alpha` for `ls_gap`, keeping the rows at the positions where `keeping` is
    /// true (none when it is empty). Every row read is reported to `progress`.
    ///
    /// - Throws: ``PenvizError`` (input) naming the run and split when the split has no
    ///   examples, naming the run, the features' key and the row when a feature is NaN or infinite.
    public init(
        _ split: Split, in space: LogitSpace, planes: [TemplatePlane], alpha: Double?, keeping: [Bool] = [],
        progress: (any WorkProgress)? = nil
    ) throws {
        let run = space.run
        let logits = space.logits(of: split)
        let empty = Both(
            Both(SplitGeometry.ClassMoments(classCount: run.classCount), LogitGeometry.Margins(classCount: run.classCount)),
            Both(DistanceCV.ExcessDistances(squaredNorms: space.squaredNorms),
                 Both(PlanePointSets(planes: planes), Both(FirstNonfiniteRow(), KeptRows(kept: keeping)))))
        let pass = SplitPass.run(split, from: empty, logits: logits, progress: progress)
        try split.verifyStorage()
        if let bad = pass.second.second.second.first.position {
            throw PenvizError.input(
                run.source, key: split.featuresKey,
                "row \(split.fileRow(bad)) holds a non-finite value (use --drop-nonfinite to skip such rows)")
        }
        do {
            let geometry = try SplitGeometry(pass.first.first, meanDistance: ClassMeanDistances.mean)
            let logitGeometry = try LogitGeometry(pass.first.second)
            let distanceCV = try DistanceCV.measure(pass.second.first)
            metrics = ComparisonMetrics.SplitMetrics(
                name: split.name, count: split.count, logits: logits.logitOrigin, templateLogits: logits.templateLogitOrigin,
                logitDeviation: logits.agreement?.deviation, accuracy: logitGeometry.accuracy, within: geometry.within,
                between: geometry.between, clusterRatio: geometry.clusterRatio, gap: logitGeometry.gap,
                lsGap: alpha.flatMap { LogitGeometry.labelSmoothingGap(alpha: $0, classCount: run.classCount) },
                incorrectSpread: logitGeometry.incorrectSpread, distanceCV: distanceCV)
        } catch let error as PenvizError {
            throw PenvizError.input(run.source, "split '\(split.name)': \(error.message)")
        }
        panels = pass.second.second.first.sets
        keptRows = pass.second.second.second.second
        note = logits.disagreementNote(source: run.source)
    }
}
