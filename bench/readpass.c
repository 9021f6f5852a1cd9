/*
 * bench/readpass.c: the reference "plain read pass" for penviz's benchmark.
 *
 *   readpass FILE mmap|mmap-release|pread THREADS
 *
 * Reads every byte of FILE once and adds it up as 64-bit words, on THREADS
 * threads each taking a contiguous share: either straight from a read-only
 * mapping of the whole file, or with pread into one reused 1 MiB buffer per
 * thread. mmap-release reads the mapping as mmap does and drops the pages
 * behind it every 64 MiB (madvise MADV_DONTNEED), as penviz's streaming passes
 * do to stay small in memory. Prints the seconds, the rate and the checksum.
 * This is the speed limit of any pass over the file: it does no arithmetic
 * worth the name.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { BLOCK = 1 << 20, RELEASE = 64 << 20 };

static int descriptor, use_pread, use_release;
static const unsigned char *mapping;

struct share { size_t begin, end; uint64_t sum; };

static uint64_t add_words(const unsigned char *bytes, size_t count) {
    uint64_t sum = 0, word;
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        memcpy(&word, bytes + i, 8);
        sum += word;
    }
    for (; i < count; i++) sum += bytes[i];
    return sum;
}

static void *read_share(void *argument) {
    struct share *share = argument;
    unsigned char *buffer = use_pread ? malloc(BLOCK) : NULL;
    for (size_t at = share->begin; at < share->end; at += BLOCK) {
        size_t count = share->end - at < BLOCK ? share->end - at : BLOCK;
        if (use_pread) {
            for (size_t got = 0; got < count;) {
                ssize_t n = pread(descriptor, buffer + got, count - got, (off_t)(at + got));
                if (n <= 0) { perror("pread"); exit(1); }
                got += (size_t)n;
            }
            share->sum += add_words(buffer, count);
        } else {
            share->sum += add_words(mapping + at, count);
            size_t done = at + count - share->begin;
            if (use_release && (done % RELEASE == 0 || at + count == share->end)) {
                // Whole pages of the last 64 MiB (or less, at the end of the share).
                size_t page = (size_t)sysconf(_SC_PAGESIZE);
                size_t from = (share->begin + (done - 1) / RELEASE * RELEASE + page - 1) / page * page;
                size_t to = (at + count) / page * page;
                if (to > from) madvise((void *)(mapping + from), to - from, MADV_DONTNEED);
            }
        }
    }
    free(buffer);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: readpass FILE mmap|mmap-release|pread THREADS\n");
        return 64;
    }
    struct timespec start, stop;
    clock_gettime(CLOCK_MONOTONIC, &start);
    use_pread = strcmp(argv[2], "pread") == 0;
    use_release = strcmp(argv[2], "mmap-release") == 0;
    int threads = atoi(argv[3]);
    if (threads < 1 || threads > 64) return 64;
    descriptor = open(argv[1], O_RDONLY);
    struct stat status;
    if (descriptor < 0 || fstat(descriptor, &status) != 0) { perror(argv[1]); return 1; }
    size_t size = (size_t)status.st_size;
    if (!use_pread) {
        mapping = mmap(NULL, size, PROT_READ, MAP_PRIVATE, descriptor, 0);
        if (mapping == MAP_FAILED) { perror("mmap"); return 1; }
    }
    pthread_t ids[64];
    struct share shares[64];
    size_t blocks = (size + BLOCK - 1) / BLOCK;
    for (int t = 0; t < threads; t++) {
        shares[t].begin = blocks * t / threads * BLOCK;
        shares[t].end = blocks * (t + 1) / threads * BLOCK;
        if (shares[t].end > size) shares[t].end = size;
        shares[t].sum = 0;
        pthread_create(&ids[t], NULL, read_share, &shares[t]);
    }
    uint64_t sum = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(ids[t], NULL);
        sum += shares[t].sum;
    }
    clock_gettime(CLOCK_MONOTONIC, &stop);
    double seconds = (double)(stop.tv_sec - start.tv_sec) + 1e-9 * (double)(stop.tv_nsec - start.tv_nsec);
    printf("%s %d threads: %.3f s, %.2f GB/s, checksum %016llx\n", argv[2], threads, seconds, (double)size / seconds / 1e9,
           (unsigned long long)sum);
    return 0;
}
