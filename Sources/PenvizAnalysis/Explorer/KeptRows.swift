import PenvizCore

/// What the explorer keeps of each chosen row of a split during one ``SplitPass``:
/// its position, class, predicted class and confidence (from the model logits), and
/// its K template logits z̃ as Float32, row after row in row order.
struct KeptRows: RowAccumulating {
    /// Whether the row at each position is kept (shared by every chunk, never written); empty keeps none.
    let kept: [Bool]
    /// Positions of the kept rows, increasing.
    private(set) var positions: [Int] = []
    private(set) var labels: [Int32] = []
    private(set) var predicted: [Int32] = []
    private(set) var confidence: [Float] = []
    /// z̃ of the kept rows, row-major (K a row).
    private(set) var templateLogits: [Float] = []

    init(kept: [Bool]) {
        self.kept = kept
    }

    mutating func add(_ row: ExampleRow) {
        guard !kept.isEmpty, kept[row.position], let z = row.logits, let zTilde = row.templateLogits else { return }
        let top = Softmax.topLabel(z)
        positions.append(row.position)
        labels.append(Int32(row.label))
        predicted.append(Int32(top.predicted))
        confidence.append(Float(top.confidence))
        templateLogits.append(contentsOf: zTilde.lazy.map(Float.init))
    }

    mutating func append(_ next: KeptRows) {
        positions += next.positions
        labels += next.labels
        predicted += next.predicted
        confidence += next.confidence
        templateLogits += next.templateLogits
    }
}
