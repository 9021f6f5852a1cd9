"""NumPy reference for the collapse suite (issue 19): the neural-collapse statistics of a
run's train split, the textbook way, in float64.

    python collapse_numpy.py RUN_FOLDER OUT.json

Reads train_features.npy, train_labels.npy, train_logits.npy and weight.npy; forms the
class means, Σ_W = RᵀR/N and Σ_B = MᵀM/K as D×D matrices, Σ_B⁺ from numpy.linalg.eigh on
the top K − 1 eigenpairs (as Papyan, Han & Donoho's code does with an SVD), the nearest
class mean of every row by its squared distance, and writes every figure under the keys
of penviz's JSON. Every class must have examples (the bench data do).
"""
import json
import sys

import numpy as np


def main():
    folder, out = sys.argv[1], sys.argv[2]
    x = np.load(f"{folder}/train_features.npy", mmap_mode="r")
    y = np.load(f"{folder}/train_labels.npy").astype(np.int64)
    logits = np.load(f"{folder}/train_logits.npy", mmap_mode="r")
    w = np.load(f"{folder}/weight.npy").astype(np.float64)
    n, d = x.shape
    k = w.shape[0]
    counts = np.bincount(y, minlength=k)
    sums = np.zeros((k, d))
    for start in range(0, n, 8192):
        np.add.at(sums, y[start:start + 8192], x[start:start + 8192].astype(np.float64))
    mu = sums / counts[:, None]
    m = mu - mu.mean(axis=0)
    sigma_w = np.zeros((d, d))
    residual = np.zeros(k)
    mismatches = 0
    mu_norms = (mu * mu).sum(axis=1)
    for start in range(0, n, 8192):
        xb = x[start:start + 8192].astype(np.float64)
        yb = y[start:start + 8192]
        r = xb - mu[yb]
        sigma_w += r.T @ r
        np.add.at(residual, yb, (r * r).sum(axis=1))
        nearest = np.argmin(mu_norms[None, :] - 2 * xb @ mu.T, axis=1)
        predicted = np.argmax(np.asarray(logits[start:start + 8192]), axis=1)
        mismatches += int((nearest != predicted).sum())
    sigma_w /= n
    sigma_b = m.T @ m / k
    values, vectors = np.linalg.eigh(sigma_b)
    top = np.argsort(values)[::-1][: min(k - 1, d)]
    pinv = (vectors[:, top] / values[top]) @ vectors[:, top].T
    norms = np.linalg.norm(m, axis=1)
    w_norms = np.linalg.norm(w, axis=1)
    cos = (m @ m.T) / np.outer(norms, norms)
    pairs = np.triu_indices(k, 1)
    variances = residual / counts
    separations = mu_norms[:, None] + mu_norms[None, :] - 2 * mu @ mu.T
    with np.errstate(divide="ignore"):  # the diagonal k = l, left out by `pairs`
        ratios = (variances[:, None] + variances[None, :]) / (2 * separations)
    figures = {
        "nc1": float(np.trace(sigma_w @ pinv) / k),
        "nc2_equinorm_means": float(norms.std() / norms.mean()),
        "nc2_equinorm_weights": float(w_norms.std() / w_norms.mean()),
        "nc2_equiangular": float(cos[pairs].std()),
        "nc2_max_angle": float(np.abs(cos[pairs] + 1 / (k - 1)).mean()),
        "nc3": float((((w / np.linalg.norm(w)) - (m / np.linalg.norm(m))) ** 2).sum()),
        "nc4": mismatches / n,
        "cdnv": float(ratios[pairs].mean()),
    }
    with open(out, "w") as file:
        json.dump(figures, file)


main()
