"""NumPy references and data for the hardening suite (issue 16): what the bounded searches
of penviz are weighed against.

    python hardening_numpy.py make-erasure OUT_FOLDER N L K SEED
    python hardening_numpy.py distances RUN_FOLDER
    python hardening_numpy.py erasure RUN_FOLDER M

make-erasure writes a folder run of train_logits_aug.npy (N×L×K float32: each example a
mean logit vector, N(0, 2²), plus N(0, 0.8²) noise a pass) and train_logits_aug_labels.npy,
seeded. distances forms what any exact automatic-triplet search must at least form: the
K×K matrix of distances between the bias-augmented templates (float64, on the BLAS), and its
row minima and maxima. erasure computes the paper's Î (DESIGN.md §3) on the first M examples
in float64, blocked log-sum-exp: the same work as penviz's estimate on a sample of M.
"""
import sys

import numpy as np


def make_erasure(out, n, l, k, seed):
    import os
    rng = np.random.default_rng(seed)
    os.makedirs(out, exist_ok=True)
    means = 2 * rng.standard_normal((n, 1, k))
    np.save(f"{out}/train_logits_aug.npy", (means + 0.8 * rng.standard_normal((n, l, k))).astype(np.float32))
    np.save(f"{out}/train_logits_aug_labels.npy", rng.integers(0, k, n))


def distances(folder):
    weight = np.load(f"{folder}/weight.npy").astype(np.float64)
    bias = np.load(f"{folder}/bias.npy").astype(np.float64)
    t = np.hstack([weight, bias[:, None]])
    t -= t.mean(axis=0)
    norms = (t * t).sum(axis=1)
    d = np.sqrt(np.maximum(norms[:, None] + norms[None, :] - 2 * (t @ t.T), 0))
    np.fill_diagonal(d, np.inf)
    low = d.min(axis=1)
    np.fill_diagonal(d, -np.inf)
    print(low.min(), d.max(axis=1).max())


def erasure(folder, m):
    logits = np.load(f"{folder}/train_logits_aug.npy", mmap_mode="r")[:m].astype(np.float64)
    f = logits[:, :, 0] - logits[:, :, 1]
    mu = f.mean(axis=1)
    variance = ((f - mu[:, None]) ** 2).mean()
    values = f.ravel()
    total = 0.0
    for start in range(0, values.size, 512):
        v = values[start:start + 512, None]
        t = -(v - mu[None, :]) ** 2 / (2 * variance)
        top = t.max(axis=1, keepdims=True)
        own = -(v[:, 0] - np.repeat(mu, f.shape[1])[start:start + 512]) ** 2 / (2 * variance)
        total += (own - (top[:, 0] + np.log(np.exp(t - top).sum(axis=1))) + np.log(m)).sum()
    print(total / values.size)


def main():
    command = sys.argv[1]
    if command == "make-erasure":
        out, n, l, k, seed = sys.argv[2], *map(int, sys.argv[3:7])
        make_erasure(out, n, l, k, seed)
    elif command == "distances":
        distances(sys.argv[2])
    elif command == "erasure":
        erasure(sys.argv[2], int(sys.argv[3]))
    else:
        raise SystemExit(f"unknown command {command}")


main()
