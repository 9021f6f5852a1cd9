"""The NumPy projection a user would write instead of `penviz project` (DESIGN.md §2).

    python project_numpy.py blocked|naive RUN_FOLDER OUT.npy

Reads weight.npy, bias.npy and train_features.npy from RUN_FOLDER, builds the plane
through the templates of classes 0, 1 and 2 in float64 and writes the N×2 float64
coordinates of every row. `blocked` maps the features (mmap_mode='r') and applies
p = x·e[:D] + (e[D] − o·e) to 4096 rows at a time, the fastest NumPy version;
`naive` computes (X − o) @ E.T on the whole array at once.
"""
import sys

import numpy as np


def plane(weight, bias, triplet=(0, 1, 2)):
    """The origin and the 2×(D+1) basis of the plane through the bias-augmented templates."""
    templates = np.hstack([weight, bias[:, None]]).astype(np.float64)
    a, b, c = (templates[k] for k in triplet)
    origin = (a + b + c) / 3
    e1 = (b - a) / np.linalg.norm(b - a)
    v = (c - a) - ((c - a) @ e1) * e1
    v -= (v @ e1) * e1
    return origin, np.stack([e1, v / np.linalg.norm(v)])


def main():
    mode, folder, out = sys.argv[1:4]
    weight = np.load(f"{folder}/weight.npy")
    bias = np.load(f"{folder}/bias.npy")
    origin, basis = plane(weight, bias)
    features = np.load(f"{folder}/train_features.npy", mmap_mode="r")
    d = features.shape[1]
    if mode == "blocked":
        # (x̃ − o)·e = x·e[:D] + (e[D] − o·e)
        weights, offsets = basis[:, :d].T.copy(), basis[:, d] - basis @ origin
        points = np.empty((features.shape[0], 2))
        for start in range(0, features.shape[0], 4096):
            points[start:start + 4096] = features[start:start + 4096] @ weights + offsets
    else:
        points = (features - origin[:d]) @ basis[:, :d].T + (1 - origin[d]) * basis[:, d]
    np.save(out, points)


main()
