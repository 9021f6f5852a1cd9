import CBLAS

/// The BLAS's own thread pool, kept to one thread.
///
/// penviz's passes give each thread its own block of rows and its own matrix
/// product, so a second pool on the same two cores would only fight them. And
/// OpenBLAS's pool is not safe to enter from two threads at once: products
/// running side by side before the pool was turned off were seen to leave its
/// threads spinning for ever. Every call site reads ``single`` first.
enum BLASThreads {
    /// Makes the BLAS single-threaded, once per process; read it before every product.
    static let single: Void = openblas_set_num_threads(1)
}
