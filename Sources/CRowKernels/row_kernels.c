// The row kernels of a feature projection: two Float64 dot products a stored row,
// in plain C for any CPU and in AVX2 (with F16C for float16) where the CPU has it.
// Both follow the summation order documented in row_kernels.h exactly.
#include "row_kernels.h"

#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define PENVIZ_HAS_X86_KERNELS 1
#endif

// A product is rounded before it is added: contracting x*y + s into one fused
// multiply-add would change the bits (and differ between CPUs).
#pragma STDC FP_CONTRACT OFF

/// Calls `typed_kernel` with the row type as a constant, so that the compiler makes
/// one loop a type, without the type switch inside it.
#define PENVIZ_CALL_TYPED(typed_kernel)                                                       \
    switch (type) {                                                                           \
    case PENVIZ_ROW_FLOAT16: typed_kernel(PENVIZ_ROW_FLOAT16, x, y, z, count, result); break;   \
    case PENVIZ_ROW_BFLOAT16: typed_kernel(PENVIZ_ROW_BFLOAT16, x, y, z, count, result); break; \
    case PENVIZ_ROW_FLOAT32: typed_kernel(PENVIZ_ROW_FLOAT32, x, y, z, count, result); break;   \
    case PENVIZ_ROW_FLOAT64: default: typed_kernel(PENVIZ_ROW_FLOAT64, x, y, z, count, result); \
    }

// MARK: Widening one element

/// A binary16 value as binary64, exactly: the exponent and mantissa move up 13
/// places into binary32's, which reads as the value times 2^-112 (biases 15 and
/// 127, normal and subnormal halves alike); an all-ones exponent (infinity, NaN)
/// becomes binary32's all-ones exponent. Then times 2^112, exactly.
static double widen_float16(uint16_t half) {
    uint32_t bits = half;
    uint32_t magnitude = (bits & 0x7FFFu) << 13;
    int special = (bits & 0x7C00u) == 0x7C00u;
    if (special) magnitude |= 0x7F800000u;
    uint32_t single_bits = magnitude | ((bits & 0x8000u) << 16);
    float single;
    memcpy(&single, &single_bits, sizeof single);
    return special ? (double)single : (double)single * 0x1p112;
}

/// A bfloat16 value as binary64: the high half of a binary32 value.
static double widen_bfloat16(uint16_t half) {
    uint32_t single_bits = (uint32_t)half << 16;
    float single;
    memcpy(&single, &single_bits, sizeof single);
    return (double)single;
}

/// Element `i` of a row of `type`, as binary64 (unaligned reads).
static double element(penviz_row_type type, const unsigned char *x, size_t i) {
    switch (type) {
    case PENVIZ_ROW_FLOAT16: { uint16_t v; memcpy(&v, x + 2 * i, 2); return widen_float16(v); }
    case PENVIZ_ROW_BFLOAT16: { uint16_t v; memcpy(&v, x + 2 * i, 2); return widen_bfloat16(v); }
    case PENVIZ_ROW_FLOAT32: { float v; memcpy(&v, x + 4 * i, 4); return (double)v; }
    case PENVIZ_ROW_FLOAT64: default: { double v; memcpy(&v, x + 8 * i, 8); return v; }
    }
}

/// ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7))
static double fold(const double s[8]) {
    return ((s[0] + s[4]) + (s[1] + s[5])) + ((s[2] + s[6]) + (s[3] + s[7]));
}

/// The elements from `start` on, summed in order: the tail added after the fold.
static void add_tail(
    penviz_row_type type, const unsigned char *x, const double *y, const double *z, size_t start, size_t count,
    double result[2]) {
    double tail_y = 0, tail_z = 0;
    for (size_t i = start; i < count; i++) {
        double xi = element(type, x, i);
        tail_y += xi * y[i];
        tail_z += xi * z[i];
    }
    result[0] += tail_y;
    result[1] += tail_z;
}

// MARK: Any CPU

/// The loop for one row type (a constant once inlined, so the element switch folds away).
static inline void dots_portable_typed(
    penviz_row_type type, const unsigned char *x, const double *y, const double *z, size_t count, double result[2]) {
    double sy[8] = {0}, sz[8] = {0};
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        for (size_t lane = 0; lane < 8; lane++) {
            double xi = element(type, x, i + lane);
            sy[lane] += xi * y[i + lane];
            sz[lane] += xi * z[i + lane];
        }
    }
    result[0] = fold(sy);
    result[1] = fold(sz);
    add_tail(type, x, y, z, i, count, result);
}

static void dots_portable(
    penviz_row_type type, const unsigned char *x, const double *y, const double *z, size_t count, double result[2]) {
    PENVIZ_CALL_TYPED(dots_portable_typed)
}

// MARK: AVX2

#ifdef PENVIZ_HAS_X86_KERNELS
#define PENVIZ_AVX2 __attribute__((target("avx2,f16c")))

/// Eight elements from `x + i·size` as two Float64 vectors (elements i…i+3, i+4…i+7).
PENVIZ_AVX2 static inline void load8(penviz_row_type type, const unsigned char *x, size_t i, __m256d *low, __m256d *high) {
    __m256 singles;
    switch (type) {
    case PENVIZ_ROW_FLOAT16:
        singles = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(x + 2 * i)));
        break;
    case PENVIZ_ROW_BFLOAT16: {
        __m256i widened = _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)(x + 2 * i)));
        singles = _mm256_castsi256_ps(_mm256_slli_epi32(widened, 16));
        break;
    }
    case PENVIZ_ROW_FLOAT32:
        singles = _mm256_loadu_ps((const float *)(x + 4 * i));
        break;
    case PENVIZ_ROW_FLOAT64: default:
        *low = _mm256_loadu_pd((const double *)(x + 8 * i));
        *high = _mm256_loadu_pd((const double *)(x + 8 * i + 32));
        return;
    }
    *low = _mm256_cvtps_pd(_mm256_castps256_ps128(singles));
    *high = _mm256_cvtps_pd(_mm256_extractf128_ps(singles, 1));
}

/// The loop of dots_portable for one row type, with its lanes in two AVX registers a sum.
PENVIZ_AVX2 static inline void dots_avx2_typed(
    penviz_row_type type, const unsigned char *x, const double *y, const double *z, size_t count, double result[2]) {
    __m256d low_y = _mm256_setzero_pd(), high_y = low_y, low_z = low_y, high_z = low_y;
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256d low, high;
        load8(type, x, i, &low, &high);
        low_y = _mm256_add_pd(low_y, _mm256_mul_pd(low, _mm256_loadu_pd(y + i)));
        high_y = _mm256_add_pd(high_y, _mm256_mul_pd(high, _mm256_loadu_pd(y + i + 4)));
        low_z = _mm256_add_pd(low_z, _mm256_mul_pd(low, _mm256_loadu_pd(z + i)));
        high_z = _mm256_add_pd(high_z, _mm256_mul_pd(high, _mm256_loadu_pd(z + i + 4)));
    }
    double sy[8], sz[8];
    _mm256_storeu_pd(sy, low_y);
    _mm256_storeu_pd(sy + 4, high_y);
    _mm256_storeu_pd(sz, low_z);
    _mm256_storeu_pd(sz + 4, high_z);
    result[0] = fold(sy);
    result[1] = fold(sz);
    add_tail(type, x, y, z, i, count, result);
}

PENVIZ_AVX2 static void dots_avx2(
    penviz_row_type type, const unsigned char *x, const double *y, const double *z, size_t count, double result[2]) {
    PENVIZ_CALL_TYPED(dots_avx2_typed)
}
#endif

// MARK: Entry points

int penviz_row_kernels_have_avx2(void) {
#ifdef PENVIZ_HAS_X86_KERNELS
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("f16c");
#else
    return 0;
#endif
}

/// x·y and x·z for one row (result[0], result[1]), by the code `use_avx2` picks.
static void row_dots(
    penviz_row_type type, int use_avx2, const void *x, const double *y, const double *z, size_t count,
    double result[2]) {
#ifdef PENVIZ_HAS_X86_KERNELS
    if (use_avx2) {
        dots_avx2(type, x, y, z, count, result);
        return;
    }
#else
    (void)use_avx2;
#endif
    dots_portable(type, x, y, z, count, result);
}

void penviz_project_rows(
    penviz_row_type type, int use_avx2, const void *rows, size_t row_bytes, size_t row_count,
    const double *e1, const double *e2, size_t count, double offset1, double offset2, double *out) {
    const unsigned char *row = rows;
    for (size_t r = 0; r < row_count; r++, row += row_bytes) {
        double sums[2];
        row_dots(type, use_avx2, row, e1, e2, count, sums);
        out[2 * r] = sums[0] + offset1;
        out[2 * r + 1] = sums[1] + offset2;
    }
}
