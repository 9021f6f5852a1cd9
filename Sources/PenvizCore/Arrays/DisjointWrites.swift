/// A buffer that the chunks of a parallel pass fill, each chunk its own positions.
///
/// Sendable because no two writers touch the same element and nobody reads
/// until the pass has finished.
public struct DisjointWrites<Element>: @unchecked Sendable {
    /// The buffer being filled.
    public let buffer: UnsafeMutableBufferPointer<Element>

    /// Writes into `buffer`, whose elements the pass initialises.
    public init(buffer: UnsafeMutableBufferPointer<Element>) {
        self.buffer = buffer
    }

    /// Initialises element `index` (written exactly once, by one chunk).
    @inlinable @inline(__always)
    public func initialize(_ index: Int, to value: Element) {
        (buffer.baseAddress! + index).initialize(to: value)
    }
}
