// The C interface of a real BLAS (OpenBLAS on Debian: libopenblas-dev), for the
// matrix products of PenvizAnalysis's logit engine. Nothing else crosses this shim.
#include <cblas.h>

// OpenBLAS's own thread pool; penviz runs one product a thread and sets it to 1.
void openblas_set_num_threads(int num_threads);
