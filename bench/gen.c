/*
 * bench/gen.c: writes a seeded synthetic run for penviz's benchmark and smoke test.
 *
 *   gen OUT N D K DTYPE SEED [--val NV] [--logits] [--shards S] [--spread A] [--no-logits-copy DIR]
 *
 * OUT ending in .safetensors: one file holding weight (K×D F32), bias (K F32),
 * train_features (N×D DTYPE) and train_labels (N I64). Any other OUT: a folder of
 * weight.npy, bias.npy, train_features.npy and train_labels.npy (not bf16: NumPy
 * has no bfloat16). DTYPE is f32, f16 or bf16. The same arguments always give the
 * same bytes (the logits: on the same build and CPU, see --logits).
 *
 * The options, for a folder OUT only (but --spread):
 *   --val NV     a val split too: val_features.npy and val_labels.npy, NV rows drawn
 *                after the train rows (so the train files are the same with or without it).
 *   --logits     the stored logits train_logits.npy and val_logits.npy: float32 N×K,
 *                x·Wᵀ + b of the features as stored (after rounding to DTYPE), in blocks
 *                of 4096 rows with OpenBLAS's cblas_sgemm when built with -DGEN_OPENBLAS
 *                and `pkg-config --cflags --libs openblas` (bench/run does), else with a
 *                plain loop (then the last bit may differ: another summation order).
 *   --shards S   the train split as S files a key, KEY.INDEX-of-S.npy (train_features.0-of-8.npy,
 *                …): floor(N/S) rows each, the last one the rest. The bytes read in order
 *                are those of the unsharded file.
 *   --spread A   the entries of the class means uniform in [-A, A) instead of [-2, 2),
 *                and b_k = 0.1 k (A/2)². The default (2) separates every class by a wide
 *                margin; A = 0.2 with D = 2048 and K = 1000 gives about 75 % top-1 and
 *                90 % top-5 accuracy, logits within about ±50: ImageNet-like.
 *   --no-logits-copy DIR
 *                also a folder DIR of hard links to every file written except the logits:
 *                the same run without stored logits, at no extra disk.
 *
 * The model: class k has a mean mu_k (entries uniform in [-A, A)), its template
 * w_k = mu_k + small noise and b_k = 0.1 k (A/2)²; example i of a split has label
 * i mod K and features mu_y + noise, the noise a sum of four uniforms scaled to
 * variance 1.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef GEN_OPENBLAS
#include <cblas.h>
#endif

static uint64_t state;

/* splitmix64: a small, fast, seedable generator. */
static uint64_t next64(void) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [-1, 1). */
static float uniform(void) { return (float)((next64() >> 40) * (1.0 / 8388608.0)) - 1.0f; }

/* Approximately standard normal: four 16-bit uniforms summed, centred and scaled to variance 1. */
static float noise(void) {
    uint64_t r = next64();
    float sum = (float)(r & 0xFFFF) + (float)((r >> 16) & 0xFFFF) + (float)((r >> 32) & 0xFFFF) + (float)(r >> 48);
    return (sum / 65536.0f - 2.0f) * 1.7320508f;
}

/* binary32 to binary16 (round to nearest even; values here are small and normal or zero). */
static uint16_t to_f16(float value) {
    _Float16 half = (_Float16)value;
    uint16_t bits;
    memcpy(&bits, &half, 2);
    return bits;
}

/* binary32 to bfloat16, rounding to nearest even. */
static uint16_t to_bf16(float value) {
    uint32_t bits;
    memcpy(&bits, &value, 4);
    bits += 0x7FFF + ((bits >> 16) & 1);
    return (uint16_t)(bits >> 16);
}

static void fail(const char *what) { perror(what); exit(1); }

static void usage(const char *why) {
    fprintf(stderr, "gen: %s\nusage: gen OUT N D K f32|f16|bf16 SEED [--val NV] [--logits] [--shards S] [--spread A] "
                    "[--no-logits-copy DIR]\n", why);
    exit(64);
}

/* A whole decimal number, or a usage error. */
static long number(const char *text) {
    char *end;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (errno || end == text || *end) usage("not a whole number");
    return value;
}

/* The run: its shape, element type and template model. */
static long d, k;
static enum { F32, F16, BF16 } dtype;
static int item;
static float *means, *weight, *bias;

/* The names of the files written into the folder, for --no-logits-copy. */
static char **written;
static long written_count;

/* An .npy version 1.0 header for a C-order array of `descr`, padded to 64 bytes. */
static void npy_header(FILE *file, const char *descr, long rows, long columns) {
    char dict[128];
    if (columns > 0)
        snprintf(dict, sizeof dict, "{'descr': '%s', 'fortran_order': False, 'shape': (%ld, %ld), }", descr, rows, columns);
    else
        snprintf(dict, sizeof dict, "{'descr': '%s', 'fortran_order': False, 'shape': (%ld,), }", descr, rows);
    size_t length = strlen(dict), total = (10 + length + 1 + 63) / 64 * 64;
    uint16_t header_length = (uint16_t)(total - 10);
    fwrite("\x93NUMPY\x01\x00", 1, 8, file);
    fwrite(&header_length, 2, 1, file);
    fwrite(dict, 1, length, file);
    for (size_t i = 10 + length; i < total - 1; i++) fputc(' ', file);
    fputc('\n', file);
}

static FILE *open_npy(const char *folder, const char *name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.npy", folder, name);
    FILE *file = fopen(path, "wb");
    if (!file) fail(path);
    written = realloc(written, sizeof(char *) * (written_count + 1));
    if (!written || !(written[written_count] = malloc(strlen(name) + 5))) fail("malloc");
    sprintf(written[written_count++], "%s.npy", name);
    return file;
}

static void put(const void *data, size_t size, size_t count, FILE *file) {
    if (fwrite(data, size, count, file) != count) fail("write");
}

static void close_file(FILE *file) {
    if (file && fclose(file) != 0) fail("close");
}

/*
 * Draws `count` rows whose first has index `first` in its split: labels (first + r) mod K
 * into `labels`, the features in DTYPE into `bytes` and, when `values` is not NULL, as
 * the floats they stand for into `values`. One noise() a feature, row by row: the
 * stream does not depend on how the rows are cut into blocks or shards.
 */
static void draw_rows(long first, long count, int64_t *labels, unsigned char *bytes, float *values) {
    for (long r = 0; r < count; r++) {
        long y = (first + r) % k;
        labels[r] = y;
        for (long j = 0; j < d; j++) {
            float value = means[y * d + j] + noise();
            size_t at = (size_t)(r * d + j);
            if (dtype == F32) {
                memcpy(bytes + 4 * at, &value, 4);
            } else if (dtype == F16) {
                uint16_t half = to_f16(value);
                memcpy(bytes + 2 * at, &half, 2);
                if (values) {
                    _Float16 stored;
                    memcpy(&stored, &half, 2);
                    value = (float)stored;
                }
            } else {
                uint16_t half = to_bf16(value);
                memcpy(bytes + 2 * at, &half, 2);
                if (values) {
                    uint32_t bits = (uint32_t)half << 16;
                    memcpy(&value, &bits, 4);
                }
            }
            if (values) values[at] = value;
        }
    }
}

/* out (count×K) = x (count×D) · weightᵀ + bias, in float32. */
static void logits_block(const float *x, long count, float *out) {
#ifdef GEN_OPENBLAS
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)count, (int)k, (int)d, 1.0f, x, (int)d, weight, (int)d,
                0.0f, out, (int)k);
#else
    for (long r = 0; r < count; r++)
        for (long c = 0; c < k; c++) {
            float sum = 0;
            for (long j = 0; j < d; j++) sum += x[r * d + j] * weight[c * d + j];
            out[r * k + c] = sum;
        }
#endif
    for (long r = 0; r < count; r++)
        for (long c = 0; c < k; c++) out[r * k + c] += bias[c];
}

enum { BLOCK = 4096 };

/* One split of `rows` rows into `folder`, as `shards` files a key (1: unsharded), with logits or not. */
static void write_split(const char *folder, const char *split, long rows, long shards, int logits) {
    unsigned char *bytes = malloc((size_t)item * BLOCK * d);
    float *values = logits ? (dtype == F32 ? (float *)bytes : malloc(sizeof(float) * BLOCK * d)) : NULL;
    float *scores = logits ? malloc(sizeof(float) * BLOCK * k) : NULL;
    int64_t *labels = malloc(sizeof(int64_t) * BLOCK);
    if (!bytes || (logits && (!values || !scores)) || !labels) fail("malloc");
    long each = rows / shards, first = 0;
    for (long s = 0; s < shards; s++) {
        long count = s < shards - 1 ? each : rows - first;
        char suffix[64] = "", name[256];
        if (shards > 1) snprintf(suffix, sizeof suffix, ".%ld-of-%ld", s, shards);
        snprintf(name, sizeof name, "%s_labels%s", split, suffix);
        FILE *label_file = open_npy(folder, name);
        npy_header(label_file, "<i8", count, 0);
        snprintf(name, sizeof name, "%s_features%s", split, suffix);
        FILE *feature_file = open_npy(folder, name);
        npy_header(feature_file, dtype == F32 ? "<f4" : "<f2", count, d);
        FILE *logit_file = NULL;
        if (logits) {
            snprintf(name, sizeof name, "%s_logits%s", split, suffix);
            logit_file = open_npy(folder, name);
            npy_header(logit_file, "<f4", count, k);
        }
        for (long start = 0; start < count; start += BLOCK) {
            long block = count - start < BLOCK ? count - start : BLOCK;
            draw_rows(first + start, block, labels, bytes, values);
            put(labels, 8, block, label_file);
            put(bytes, (size_t)item * d, block, feature_file);
            if (logits) {
                logits_block(values, block, scores);
                put(scores, 4 * (size_t)k, block, logit_file);
            }
        }
        close_file(label_file);
        close_file(feature_file);
        close_file(logit_file);
        first += count;
    }
    if (values && values != (float *)bytes) free(values);
    free(bytes);
    free(scores);
    free(labels);
}

/* The safetensors OUT: the header, weight, bias, every label, then the features. */
static void write_safetensors(const char *out, long n) {
    FILE *file = fopen(out, "wb");
    if (!file) fail(out);
    const char *stdtype = dtype == F32 ? "F32" : dtype == F16 ? "F16" : "BF16";
    long w = 4 * k * d, b = 4 * k, f = (long)item * n * d, l = 8 * n;
    char json[1024];
    int length = snprintf(json, sizeof json,
        "{\"weight\":{\"dtype\":\"F32\",\"shape\":[%ld,%ld],\"data_offsets\":[0,%ld]},"
        "\"bias\":{\"dtype\":\"F32\",\"shape\":[%ld],\"data_offsets\":[%ld,%ld]},"
        "\"train_labels\":{\"dtype\":\"I64\",\"shape\":[%ld],\"data_offsets\":[%ld,%ld]},"
        "\"train_features\":{\"dtype\":\"%s\",\"shape\":[%ld,%ld],\"data_offsets\":[%ld,%ld]}}",
        k, d, w, k, w, w + b, n, w + b, w + b + l, stdtype, n, d, w + b + l, w + b + l + f);
    uint64_t header = (uint64_t)(length + 7) / 8 * 8;
    put(&header, 8, 1, file);
    put(json, 1, length, file);
    for (uint64_t i = length; i < header; i++) fputc(' ', file);
    put(weight, 4, k * d, file);
    put(bias, 4, k, file);
    for (long i = 0; i < n; i++) {
        int64_t label = i % k;
        put(&label, 8, 1, file);
    }
    unsigned char *bytes = malloc((size_t)item * BLOCK * d);
    int64_t *labels = malloc(sizeof(int64_t) * BLOCK);
    if (!bytes || !labels) fail("malloc");
    for (long start = 0; start < n; start += BLOCK) {
        long block = n - start < BLOCK ? n - start : BLOCK;
        draw_rows(start, block, labels, bytes, NULL);
        put(bytes, (size_t)item * d, block, file);
    }
    close_file(file);
    free(bytes);
    free(labels);
}

/* DIR: hard links to every file written into `out` but the logits. */
static void no_logits_copy(const char *out, const char *copy) {
    if (mkdir(copy, 0777) != 0) fail(copy);
    for (long i = 0; i < written_count; i++) {
        if (strstr(written[i], "_logits")) continue;
        char from[4096], to[4096];
        snprintf(from, sizeof from, "%s/%s", out, written[i]);
        snprintf(to, sizeof to, "%s/%s", copy, written[i]);
        if (link(from, to) != 0) fail(to);
    }
}

int main(int argc, char **argv) {
    if (argc < 7) usage("too few arguments");
    const char *out = argv[1], *copy = NULL;
    long n = number(argv[2]), nv = 0, shards = 1;
    d = number(argv[3]);
    k = number(argv[4]);
    state = strtoull(argv[6], NULL, 10);
    int logits = 0;
    float spread = 2.0f;
    for (int i = 7; i < argc; i++) {
        const char *option = argv[i];
        int has_value = i + 1 < argc;
        if (!strcmp(option, "--logits")) logits = 1;
        else if (!strcmp(option, "--val") && has_value) nv = number(argv[++i]);
        else if (!strcmp(option, "--shards") && has_value) shards = number(argv[++i]);
        else if (!strcmp(option, "--no-logits-copy") && has_value) copy = argv[++i];
        else if (!strcmp(option, "--spread") && has_value) {
            char *end;
            spread = strtof(argv[++i], &end);
            if (end == argv[i] || *end || !(spread > 0)) usage("--spread needs a positive number");
        } else usage("unknown option or missing value");
    }
    if (!strcmp(argv[5], "f32")) dtype = F32;
    else if (!strcmp(argv[5], "f16")) dtype = F16;
    else if (!strcmp(argv[5], "bf16")) dtype = BF16;
    else usage("DTYPE is f32, f16 or bf16");
    item = dtype == F32 ? 4 : 2;
    int safetensors = strlen(out) > 12 && strcmp(out + strlen(out) - 12, ".safetensors") == 0;
    if (n < 1 || d < 1 || k < 3 || nv < 0) usage("bad arguments (N, D ≥ 1, K ≥ 3, NV ≥ 0)");
    if (shards < 1 || shards > n) usage("--shards S needs 1 ≤ S ≤ N");
    if (!safetensors && dtype == BF16) usage("bf16 needs a .safetensors OUT");
    if (safetensors && (nv || logits || shards > 1 || copy)) usage("--val, --logits, --shards and --no-logits-copy need a folder OUT");
    if (logits && (k > 1L << 30 || d > 1L << 30)) usage("D and K must fit an int for the logits");

    means = malloc(sizeof(float) * k * d);
    weight = malloc(sizeof(float) * k * d);
    bias = malloc(sizeof(float) * k);
    if (!means || !weight || !bias) fail("malloc");
    float bias_scale = (spread / 2.0f) * (spread / 2.0f);
    for (long i = 0; i < k * d; i++) means[i] = spread * uniform();
    for (long i = 0; i < k * d; i++) weight[i] = means[i] + 0.1f * noise();
    for (long c = 0; c < k; c++) bias[c] = 0.1f * (float)c * bias_scale;

    if (safetensors) {
        write_safetensors(out, n);
        return 0;
    }
    if (mkdir(out, 0777) != 0) fail(out);
    FILE *file = open_npy(out, "weight");
    npy_header(file, "<f4", k, d);
    put(weight, 4, k * d, file);
    close_file(file);
    file = open_npy(out, "bias");
    npy_header(file, "<f4", k, 0);
    put(bias, 4, k, file);
    close_file(file);
    write_split(out, "train", n, shards, logits);
    if (nv > 0) write_split(out, "val", nv, 1, logits);
    if (copy) no_logits_copy(out, copy);
    return 0;
}
