"""The matplotlib figure a user would draw instead of `penviz plot`.

    python scatter_matplotlib.py N OUT.png|OUT.svg

N points in three Gaussian classes (seeded), one Agg scatter per class with a
legend and equal aspect, 864×864 pixels for PNG. Timed as a whole process:
import, data, drawing and writing.
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = np.random.default_rng(0)
    fig, ax = plt.subplots(figsize=(2.88, 2.88), dpi=300)
    for k, colour in enumerate(["#0072B2", "#E69F00", "#009E73"]):
        centre = np.array([np.cos(2.1 * k), np.sin(2.1 * k)]) * 3
        points = rng.standard_normal((n // 3 + (k < n % 3), 2)) + centre
        ax.scatter(points[:, 0], points[:, 1], s=1, c=colour, alpha=0.6, linewidths=0, label=f"class {k}")
    ax.set_aspect("equal")
    ax.legend(loc="upper right", fontsize=5)
    ax.set_title("run · train", fontsize=6)
    fig.savefig(out)


main()
