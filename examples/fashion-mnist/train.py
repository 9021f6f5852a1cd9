#!/usr/bin/env python3
"""Train the three Fashion-MNIST example runs that ship with penviz.

Trains one small CNN three times, with the same seed, initial weights, data order
and schedule, with hard targets (label smoothing alpha = 0) and with label
smoothing alpha = 0.1 and 0.2, and dumps each run as a penviz run file:

    examples/fashion-mnist/hard.npz          + hard.json          (alpha = 0)
    examples/fashion-mnist/smoothed.npz      + smoothed.json      (alpha = 0.1)
    examples/fashion-mnist/smoothed-0.2.npz  + smoothed-0.2.json  (alpha = 0.2)

Data: the Debian package ships the four IDX files this script reads (it never
downloads anything):

    sudo apt-get install dataset-fashion-mnist   # -> /usr/share/datasets/fashion-mnist/

Time: about 31 s per epoch, 5-6 minutes per run, 16-18 minutes for all three, on 2 idle CPU cores
(torch.set_num_threads(2)); each run's measured time is in its JSON sidecar.
The usual way to run it is `examples/fashion-mnist/make-runs`, which sets up a
virtualenv with the pinned torch and numpy first.

Model: conv(1->32, 3x3) - ReLU - maxpool 2 - conv(32->64, 3x3) - ReLU - maxpool 2
- flatten - Linear(3136, 128) - ReLU  [penultimate layer, 128-d]
- Linear(128, 10) with bias            [classifier: `weight`, `bias`].
Inputs are pixels in [0, 1], standardised inside the model.

Split: the 60,000 training images are split with a seeded permutation into
`train` (50,000) and `val` (10,000); `test` is the official 10,000 test images.
Training uses `train` only, without augmentation. The npz keeps the features of a
seeded subsample of 5,000 `train` examples and of all `val` and `test` examples.

`train_logits_aug` holds the logits of 300 T-shirt/top and 300 Shirt training
images under L = 5 random augmentations each (integer shifts of up to +-2 px in
each direction with zero fill, then Gaussian pixel noise sigma = 0.1, clipped to
[0, 1]); every run sees exactly the same augmented images. penviz's `erasure`
command reads it (DESIGN.md section 3).
"""

import argparse
import gzip
import json
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn

CLASS_NAMES = [
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
]
DATA_DIR = "/usr/share/datasets/fashion-mnist"
SEED = 0
THREADS = 2
EPOCHS = 10
BATCH_SIZE = 128
LR = 1e-3
N_VAL = 10_000
N_TRAIN_SAVED = 5_000
N_AUG_PER_CLASS = 300
AUG_CLASSES = (0, 6)  # T-shirt/top, Shirt: the most confused pair
AUG_PASSES = 5
AUG_SHIFT = 2
AUG_NOISE = 0.1
MEAN, STD = 0.2860, 0.3530  # Fashion-MNIST training pixel statistics on [0, 1]


# ---------------------------------------------------------------- data

def read_idx(path):
    """Read a gzipped IDX file (unsigned bytes only, as Fashion-MNIST uses)."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    zero, dtype, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte IDX file")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    offset = 4 + 4 * ndim
    count = int(np.prod(dims))
    if len(data) - offset != count:
        raise ValueError(f"{path}: expected {count} data bytes, found {len(data) - offset}")
    return np.frombuffer(data, dtype=np.uint8, offset=offset).reshape(dims)


def load_split(data_dir, prefix):
    images = read_idx(os.path.join(data_dir, f"{prefix}-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(data_dir, f"{prefix}-labels-idx1-ubyte.gz"))
    if images.shape[0] != labels.shape[0]:
        raise ValueError(f"{prefix}: {images.shape[0]} images but {labels.shape[0]} labels")
    x = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)  # N x 1 x 28 x 28
    y = torch.from_numpy(labels.astype(np.int64))
    return x, y


def augment(x, rng):
    """Shift each image by an integer (dy, dx) in [-AUG_SHIFT, AUG_SHIFT]^2 with
    zero fill, add Gaussian noise (sigma AUG_NOISE) and clip to [0, 1]."""
    n, _, h, w = x.shape
    s = AUG_SHIFT
    padded = np.pad(x, ((0, 0), (0, 0), (s, s), (s, s)))
    shifts = rng.integers(-s, s + 1, size=(n, 2))
    out = np.empty_like(x)
    for i, (dy, dx) in enumerate(shifts):
        out[i] = padded[i, :, s - dy:s - dy + h, s - dx:s - dx + w]
    out += rng.normal(0.0, AUG_NOISE, size=out.shape).astype(np.float32)
    return np.clip(out, 0.0, 1.0)


# ---------------------------------------------------------------- model

class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.tensor(MEAN))
        self.register_buffer("std", torch.tensor(STD))
        self.body = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),   # 32 x 14 x 14
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),  # 64 x 7 x 7
            nn.Flatten(),
        )
        self.penultimate = nn.Sequential(nn.Linear(64 * 7 * 7, 128), nn.ReLU())
        self.classifier = nn.Linear(128, 10)

    def forward(self, x, return_features=False):
        h = self.penultimate(self.body((x - self.mean) / self.std))
        z = self.classifier(h)
        return (h, z) if return_features else z


@torch.no_grad()
def features_and_logits(model, x, batch=1000):
    model.eval()
    hs, zs = [], []
    for i in range(0, x.shape[0], batch):
        h, z = model(x[i:i + batch], return_features=True)
        hs.append(h)
        zs.append(z)
    return torch.cat(hs).numpy(), torch.cat(zs).numpy()


def train_one(alpha, data, epochs, log):
    x_train, y_train = data["train"]
    torch.manual_seed(SEED)  # same initial weights for every run
    model = SmallCNN()
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    steps_per_epoch = (x_train.shape[0] + BATCH_SIZE - 1) // BATCH_SIZE
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs * steps_per_epoch)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=alpha)
    gen = torch.Generator().manual_seed(SEED)  # same batch order for every run
    epoch_log = []
    t0 = time.perf_counter()
    for epoch in range(epochs):
        model.train()
        te = time.perf_counter()
        perm = torch.randperm(x_train.shape[0], generator=gen)
        total, n = 0.0, 0
        for i in range(0, x_train.shape[0], BATCH_SIZE):
            idx = perm[i:i + BATCH_SIZE]
            loss = loss_fn(model(x_train[idx]), y_train[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * idx.shape[0]
            n += idx.shape[0]
        epoch_log.append({"epoch": epoch + 1, "train_loss": round(total / n, 6),
                          "seconds": round(time.perf_counter() - te, 1)})
        log(f"  alpha={alpha} epoch {epoch + 1}/{epochs} loss {total / n:.4f} "
            f"({time.perf_counter() - te:.1f} s)")
    return model, time.perf_counter() - t0, epoch_log


def dump_run(model, alpha, data, saved_train_idx, aug, out_dir, name, wall, epochs, epoch_log):
    arrays = {
        "weight": model.classifier.weight.detach().numpy().astype(np.float32),
        "bias": model.classifier.bias.detach().numpy().astype(np.float32),
        "class_names": np.array(CLASS_NAMES),  # <U11
        "label_smoothing": np.array(float(alpha), dtype=np.float64),
    }
    accuracy = {}
    splits = {
        "train": (data["train"][0][saved_train_idx], data["train"][1][saved_train_idx]),
        "val": data["val"],
        "test": data["test"],
    }
    for split, (x, y) in splits.items():
        h, z = features_and_logits(model, x)
        if not (np.isfinite(h).all() and np.abs(h).max() < 60000):
            raise RuntimeError(f"{split}: features do not fit float16 (max {np.abs(h).max()})")
        labels = y.numpy().astype(np.int64)
        logits = z.astype(np.float32)
        arrays[f"{split}_features"] = h.astype(np.float16)
        arrays[f"{split}_labels"] = labels
        arrays[f"{split}_logits"] = logits
        accuracy[split] = float(np.mean(np.argmax(logits, axis=1) == labels))
    x_aug, y_aug = aug
    n, L = x_aug.shape[:2]
    _, z_aug = features_and_logits(model, torch.from_numpy(x_aug.reshape(n * L, 1, 28, 28)))
    arrays["train_logits_aug"] = z_aug.reshape(n, L, 10).astype(np.float32)
    arrays["train_logits_aug_labels"] = y_aug.astype(np.int64)

    npz_path = os.path.join(out_dir, f"{name}.npz")
    tmp = npz_path + ".tmp.npz"
    # Stored, not deflated: penviz maps stored members in place instead of inflating
    # them on every command (git compresses the files in its pack anyway).
    np.savez(tmp, **arrays)
    os.replace(tmp, npz_path)

    sidecar = {
        "run": name,
        "alpha": float(alpha),
        "epochs": epochs,
        "seed": SEED,
        "batch_size": BATCH_SIZE,
        "optimizer": f"Adam(lr={LR}, betas=(0.9, 0.999), weight_decay=0), "
                     f"cosine decay to 0 over all steps, per step",
        "loss": f"nn.CrossEntropyLoss(label_smoothing={alpha})",
        "model": "conv32-relu-pool, conv64-relu-pool, Linear(3136,128)-ReLU, Linear(128,10)",
        "split_sizes": {"train": int(data["train"][1].shape[0]),
                        "train_saved": int(len(saved_train_idx)),
                        "val": int(data["val"][1].shape[0]),
                        "test": int(data["test"][1].shape[0])},
        "accuracy": accuracy,
        "accuracy_note": "argmax of the saved float32 logits; train = the saved 5,000-example subsample",
        "torch_version": torch.__version__,
        "numpy_version": np.__version__,
        "python_version": sys.version.split()[0],
        "num_threads": torch.get_num_threads(),
        "train_wall_seconds": round(wall, 1),
        "epoch_log": epoch_log,
    }
    with open(os.path.join(out_dir, f"{name}.json"), "w") as f:
        json.dump(sidecar, f, indent=2)
        f.write("\n")
    return accuracy


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data-dir", default=DATA_DIR)
    ap.add_argument("--out-dir", default=here)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--runs", default="hard,smoothed,smoothed-0.2",
                    help="which runs to train, comma-separated: hard, smoothed, smoothed-0.2 (default: all three)")
    args = ap.parse_args()

    torch.set_num_threads(THREADS)
    torch.use_deterministic_algorithms(True)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    log = lambda msg: print(msg, file=sys.stderr, flush=True)

    for f in ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
              "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        if not os.path.exists(os.path.join(args.data_dir, f)):
            sys.exit(f"error: {os.path.join(args.data_dir, f)} is missing; "
                     f"install it with: apt-get install dataset-fashion-mnist")

    x_all, y_all = load_split(args.data_dir, "train")
    x_test, y_test = load_split(args.data_dir, "t10k")
    rng = np.random.default_rng(SEED)
    perm = rng.permutation(x_all.shape[0])
    val_idx, train_idx = np.sort(perm[:N_VAL]), np.sort(perm[N_VAL:])
    data = {
        "train": (x_all[train_idx], y_all[train_idx]),
        "val": (x_all[val_idx], y_all[val_idx]),
        "test": (x_test, y_test),
    }
    # Positions inside the 50,000-image train split, shared by every run.
    saved_train_idx = np.sort(rng.choice(len(train_idx), N_TRAIN_SAVED, replace=False))
    y_train = data["train"][1].numpy()
    aug_idx = np.concatenate([
        np.sort(rng.choice(np.flatnonzero(y_train == c), N_AUG_PER_CLASS, replace=False))
        for c in AUG_CLASSES])
    x_base = data["train"][0][aug_idx].numpy()
    x_aug = np.stack([augment(x_base, rng) for _ in range(AUG_PASSES)], axis=1)  # N x L x 1 x 28 x 28
    aug = (x_aug, y_train[aug_idx])

    alphas = {"hard": 0.0, "smoothed": 0.1, "smoothed-0.2": 0.2}
    for name in args.runs.split(","):
        if name not in alphas:
            sys.exit(f"error: unknown run {name!r} (hard, smoothed, smoothed-0.2)")
        alpha = alphas[name]
        log(f"training {name} (alpha = {alpha}), {args.epochs} epochs")
        model, wall, epoch_log = train_one(alpha, data, args.epochs, log)
        acc = dump_run(model, alpha, data, saved_train_idx, aug, args.out_dir, name,
                       wall, args.epochs, epoch_log)
        log(f"{name}: train {acc['train']:.4f}  val {acc['val']:.4f}  "
            f"test {acc['test']:.4f}  ({wall:.0f} s)")


if __name__ == "__main__":
    main()
