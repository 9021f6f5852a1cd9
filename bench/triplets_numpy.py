"""NumPy reference for the triplets suite (issue 18): ranking triplets by the model's
confusion, exhaustively.

    python triplets_numpy.py RUN_FOLDER

Reads val_logits.npy and val_labels.npy, forms C (the mean softmax of each class's
examples, float64) and S = (C + Cᵀ)/2, then scans every triplet a < b < c for the
largest and the smallest S_ab + S_ac + S_bc, one a at a time (K² sums each): the
work any exhaustive search does, against penviz's bounded exact one.
"""
import sys

import numpy as np


def main():
    folder = sys.argv[1]
    logits = np.load(f"{folder}/val_logits.npy", mmap_mode="r")
    labels = np.load(f"{folder}/val_labels.npy")
    k = logits.shape[1]
    sums = np.zeros((k, k))
    for start in range(0, logits.shape[0], 4096):
        z = logits[start:start + 4096].astype(np.float64)
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        np.add.at(sums, labels[start:start + 4096], p)
    c = sums / np.maximum(np.bincount(labels, minlength=k), 1)[:, None]
    s = (c + c.T) / 2
    best, worst = (-np.inf, None), (np.inf, None)
    upper = np.triu(np.ones((k, k), dtype=bool), 1)
    for a in range(k - 2):
        m = s[a][:, None] + s[a][None, :] + s
        valid = upper.copy()
        valid[: a + 1, :] = False
        high, low = np.where(valid, m, -np.inf), np.where(valid, m, np.inf)
        i, j = np.unravel_index(high.argmax(), m.shape)
        if high[i, j] > best[0]:
            best = (high[i, j], (a, i, j))
        i, j = np.unravel_index(low.argmin(), m.shape)
        if low[i, j] < worst[0]:
            worst = (low[i, j], (a, i, j))
    print(best, worst)


if __name__ == "__main__":
    main()
