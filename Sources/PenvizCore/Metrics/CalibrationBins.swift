/// How confidences are grouped into bins for ECE, MCE and reliability diagrams.
public enum CalibrationBinning: String, Codable, Sendable, CaseIterable {
    /// M bins of equal width on [0, 1] (`--binning width`, the default).
    case width
    /// M groups of (about) equal count (`--binning mass`).
    case mass
}

/// The two binning rules of DESIGN.md §3, exactly.
enum CalibrationBins {
    /// The 0-based equal-width bin of `confidence` among `binCount` bins.
    ///
    /// The edges are the Float64 values `e_m = Double(m)/Double(M)`; bin m (1-based)
    /// holds `e_{m−1} < conf ≤ e_m`, so a confidence exactly on an edge goes to
    /// the lower bin, 1.0 to the last, and 0 to the first.
    static func widthBin(of confidence: Double, binCount: Int) -> Int {
        let edges = Double(binCount)
        guard confidence > 0 else { return 0 }
        // ⌈conf·M⌉ is the bin up to the rounding of conf·M; then settle it against the exact edges.
        var m = min(max(Int((confidence * edges).rounded(.up)), 1), binCount)
        while m > 1 && confidence <= Double(m - 1) / edges { m -= 1 }
        while m < binCount && confidence > Double(m) / edges { m += 1 }
        return m - 1
    }

    /// The equal-mass groups of `n` confidences sorted ascending (stable), as
    /// ranges of positions in that order.
    ///
    /// Nominal group m (0-based) is `⌊m·n/M⌋ ..< ⌊(m+1)·n/M⌋`; a boundary that
    /// would split a run of equal confidences moves forward past the end of that
    /// run (ties stay in the lower group), never behind the previous boundary;
    /// groups left empty are dropped.
    static func massGroups(sortedConfidence: (Int) -> Double, count n: Int, binCount: Int) -> [Range<Int>] {
        var boundaries = [0]
        for m in 1..<binCount {
            var boundary = max(m * n / binCount, boundaries[boundaries.count - 1])
            // move past a run of ties: while the values on both sides of the boundary are equal
            while boundary > 0 && boundary < n && sortedConfidence(boundary) == sortedConfidence(boundary - 1) {
                boundary += 1
            }
            boundaries.append(boundary)
        }
        boundaries.append(n)
        return zip(boundaries, boundaries.dropFirst()).compactMap { $0 < $1 ? $0..<$1 : nil }
    }
}
