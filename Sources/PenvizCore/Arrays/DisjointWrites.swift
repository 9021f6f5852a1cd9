/// A buffer that the chunks of a parallel pass fill, each chunk its own positions.
///
/// Sendable because no two writers touch the same element and nobody reads
/// until the pass has finished.
struct DisjointWrites<Element>: @unchecked Sendable {
    /// The buffer being filled.
    let buffer: UnsafeMutableBufferPointer<Element>

    /// Initialises element `index` (written exactly once, by one chunk).
    @inline(__always)
    func initialize(_ index: Int, to value: Element) {
        (buffer.baseAddress! + index).initialize(to: value)
    }
}
