/*
 * bench/gen.c: writes a seeded synthetic run for penviz's benchmark and smoke test.
 *
 *   gen OUT N D K DTYPE SEED
 *
 * OUT ending in .safetensors: one file holding weight (K×D F32), bias (K F32),
 * train_features (N×D DTYPE) and train_labels (N I64). Any other OUT: a folder of
 * weight.npy, bias.npy, train_features.npy and train_labels.npy (not bf16: NumPy
 * has no bfloat16). DTYPE is f32, f16 or bf16. The same arguments always give the
 * same bytes.
 *
 * The model: class k has a mean mu_k (entries uniform in [-2, 2)), its template
 * w_k = mu_k + small noise and b_k = 0.1 k; example i has label i mod K and
 * features mu_y + noise, the noise a sum of four uniforms scaled to variance 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    return file;
}

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: gen OUT N D K f32|f16|bf16 SEED\n");
        return 64;
    }
    const char *out = argv[1], *dtype = argv[5];
    long n = atol(argv[2]), d = atol(argv[3]), k = atol(argv[4]);
    state = strtoull(argv[6], NULL, 10);
    int item = strcmp(dtype, "f32") == 0 ? 4 : 2;
    int safetensors = strlen(out) > 12 && strcmp(out + strlen(out) - 12, ".safetensors") == 0;
    if (n < 1 || d < 1 || k < 3 || (item == 2 && strcmp(dtype, "f16") && strcmp(dtype, "bf16")) || (!safetensors && !strcmp(dtype, "bf16"))) {
        fprintf(stderr, "gen: bad arguments (bf16 needs a .safetensors OUT)\n");
        return 64;
    }

    float *means = malloc(sizeof(float) * k * d), *weight = malloc(sizeof(float) * k * d), *bias = malloc(sizeof(float) * k);
    for (long i = 0; i < k * d; i++) means[i] = 2.0f * uniform();
    for (long i = 0; i < k * d; i++) weight[i] = means[i] + 0.1f * noise();
    for (long c = 0; c < k; c++) bias[c] = 0.1f * (float)c;

    FILE *features, *labels = NULL;
    if (safetensors) {
        features = fopen(out, "wb");
        if (!features) fail(out);
        const char *stdtype = !strcmp(dtype, "f32") ? "F32" : !strcmp(dtype, "f16") ? "F16" : "BF16";
        long w = 4 * k * d, b = 4 * k, f = (long)item * n * d, l = 8 * n;
        char json[1024];
        int length = snprintf(json, sizeof json,
            "{\"weight\":{\"dtype\":\"F32\",\"shape\":[%ld,%ld],\"data_offsets\":[0,%ld]},"
            "\"bias\":{\"dtype\":\"F32\",\"shape\":[%ld],\"data_offsets\":[%ld,%ld]},"
            "\"train_labels\":{\"dtype\":\"I64\",\"shape\":[%ld],\"data_offsets\":[%ld,%ld]},"
            "\"train_features\":{\"dtype\":\"%s\",\"shape\":[%ld,%ld],\"data_offsets\":[%ld,%ld]}}",
            k, d, w, k, w, w + b, n, w + b, w + b + l, stdtype, n, d, w + b + l, w + b + l + f);
        uint64_t header = (uint64_t)(length + 7) / 8 * 8;
        fwrite(&header, 8, 1, features);
        fwrite(json, 1, length, features);
        for (uint64_t i = length; i < header; i++) fputc(' ', features);
        fwrite(weight, 4, k * d, features);
        fwrite(bias, 4, k, features);
        for (long i = 0; i < n; i++) {
            int64_t label = i % k;
            fwrite(&label, 8, 1, features);
        }
    } else {
        if (mkdir(out, 0777) != 0) fail(out);
        FILE *file = open_npy(out, "weight");
        npy_header(file, "<f4", k, d);
        fwrite(weight, 4, k * d, file);
        fclose(file);
        file = open_npy(out, "bias");
        npy_header(file, "<f4", k, 0);
        fwrite(bias, 4, k, file);
        fclose(file);
        labels = open_npy(out, "train_labels");
        npy_header(labels, "<i8", n, 0);
        features = open_npy(out, "train_features");
        npy_header(features, item == 4 ? "<f4" : "<f2", n, d);
    }

    /* Features, 4096 rows at a time. */
    long block = 4096;
    unsigned char *rows = malloc((size_t)item * block * d);
    for (long start = 0; start < n; start += block) {
        long count = n - start < block ? n - start : block;
        for (long r = 0; r < count; r++) {
            long y = (start + r) % k;
            if (labels) {
                int64_t label = y;
                fwrite(&label, 8, 1, labels);
            }
            for (long j = 0; j < d; j++) {
                float value = means[y * d + j] + noise();
                size_t at = (size_t)(r * d + j);
                if (item == 4) memcpy(rows + 4 * at, &value, 4);
                else {
                    uint16_t half = strcmp(dtype, "f16") == 0 ? to_f16(value) : to_bf16(value);
                    memcpy(rows + 2 * at, &half, 2);
                }
            }
        }
        if (fwrite(rows, (size_t)item * d, count, features) != (size_t)count) fail("write");
    }
    if (fclose(features) != 0 || (labels && fclose(labels) != 0)) fail("close");
    return 0;
}
