extension SeededGenerator {
    /// `count` of `elements` drawn without replacement, in the order drawn: a partial
    /// Fisher–Yates shuffle that swaps each position i < count with a position drawn
    /// uniformly from i..<n (``next(below:)``), then keeps the first `count`.
    /// With `count ≥ n` it returns all of them, shuffled.
    public mutating func draw<T>(_ count: Int, from elements: [T]) -> [T] {
        var elements = elements
        let kept = min(count, elements.count)
        for i in 0..<kept {
            let j = i + next(below: elements.count - i)
            elements.swapAt(i, j)
        }
        return Array(elements[0..<kept])
    }
}
