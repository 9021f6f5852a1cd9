import CBLAS

/// The BLAS's own thread pool, kept to one thread.
///
/// penviz's passes give each thread its own block of rows and its own matrix
/// product, so a second pool on the same two cores would only fight them.
enum BLASThreads {
    /// Makes the BLAS single-threaded, once per process; read it before a product.
    static let single: Void = openblas_set_num_threads(1)
}
