// The C interface of a real BLAS (OpenBLAS on Debian: libopenblas-dev), for the
// matrix products of PenvizAnalysis's logit engine, and the one LAPACK routine
// penviz needs from the same library (OpenBLAS builds LAPACK in): the symmetric
// eigensolver, for the neural-collapse figures. Nothing else crosses this shim.
#include <stddef.h>
#include <cblas.h>

// OpenBLAS's own thread pool; penviz runs one product a thread and sets it to 1.
void openblas_set_num_threads(int num_threads);

// LAPACK dsyevd: every eigenvalue (ascending) and, with jobz "V", eigenvector of the
// n×n symmetric matrix a (column-major; its `uplo` triangle is read, and overwritten by
// the eigenvectors). Fortran calling convention: every argument by pointer, the
// lengths of the character arguments last.
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w,
             double *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobz_length, size_t uplo_length);
