import CBLAS
import PenvizCore

/// The eigenvalues and eigenvectors of a real symmetric matrix, by LAPACK's
/// divide-and-conquer solver (`dsyevd`), in Float64.
struct SymmetricEigen {
    /// The eigenvalues, ascending.
    let values: [Double]
    /// The eigenvectors, one a row, in the order of ``values`` (each of unit length).
    let vectors: Matrix

    /// The eigenpairs of the n×n symmetric `matrix`.
    ///
    /// - Throws: ``PenvizError`` when LAPACK reports that the solver did not converge.
    init(_ matrix: Matrix) throws {
        precondition(matrix.rows == matrix.columns, "SymmetricEigen: the matrix is \(matrix.rows)×\(matrix.columns)")
        var n = Int32(matrix.rows)
        guard n > 0 else {
            (values, vectors) = ([], Matrix(rows: 0, columns: 0, values: []))
            return
        }
        // Row-major and column-major agree on a symmetric matrix; LAPACK writes the
        // eigenvectors as its columns, which read row-major as rows.
        var a = matrix.values
        var w = [Double](repeating: 0, count: Int(n))
        var info: Int32 = 0
        var lda = n
        let jobz = Array("V".utf8CString), uplo = Array("U".utf8CString)
        // A workspace query first (lwork = liwork = −1), then the solve.
        var workSize = 0.0
        var iworkSize: Int32 = 0
        var query: Int32 = -1
        dsyevd_(jobz, uplo, &n, &a, &lda, &w, &workSize, &query, &iworkSize, &query, &info, 1, 1)
        var lwork = Int32(workSize.rounded(.up)), liwork = iworkSize
        var work = [Double](repeating: 0, count: Int(max(lwork, 1)))
        var iwork = [Int32](repeating: 0, count: Int(max(liwork, 1)))
        dsyevd_(jobz, uplo, &n, &a, &lda, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        guard info == 0 else {
            throw PenvizError(.input, "the symmetric eigensolver (LAPACK dsyevd) failed to converge (info \(info))")
        }
        values = w
        vectors = Matrix(rows: Int(n), columns: Int(n), values: a)
    }
}
