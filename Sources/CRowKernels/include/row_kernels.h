#ifndef PENVIZ_ROW_KERNELS_H
#define PENVIZ_ROW_KERNELS_H

#include <stddef.h>

/// How the elements of a stored row are encoded (IEEE formats in the host's byte order).
typedef enum {
    PENVIZ_ROW_FLOAT16 = 0,
    PENVIZ_ROW_BFLOAT16 = 1,
    PENVIZ_ROW_FLOAT32 = 2,
    PENVIZ_ROW_FLOAT64 = 3,
} penviz_row_type;

/// Nonzero when this CPU (and its operating system) runs the AVX2 kernels:
/// AVX2 and F16C on x86-64. Always zero elsewhere.
int penviz_row_kernels_have_avx2(void);

/// The plane coordinates of `row_count` stored rows, one after another `row_bytes`
/// apart from `rows`: out[2r] = x_r·e1 + offset1 and out[2r + 1] = x_r·e2 + offset2,
/// every element x_i widened exactly to Float64.
///
/// Each dot product is summed as PenvizCore's `VectorKernels.dot` sums it, bit for
/// bit: elements below 8⌊count/8⌋ go to eight partial sums (element i to lane
/// i mod 8), each product rounded before it is added (never fused), folded as
/// ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7)); the rest is summed in order
/// and added last. `use_avx2` picks the AVX2 code (only when
/// `penviz_row_kernels_have_avx2()`); both give the same bits.
void penviz_project_rows(
    penviz_row_type type, int use_avx2, const void *rows, size_t row_bytes, size_t row_count,
    const double *e1, const double *e2, size_t count, double offset1, double offset2, double *out);

#endif
