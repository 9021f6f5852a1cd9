"""Writes the PyTorch test fixtures with real torch.save (and torch.jit.save), each
beside an .npz of the same arrays written by NumPy, so the Swift tests can check that
penviz reads both to the last bit without torch installed.

Usage: make_torch_fixtures.py OUTPUT_DIR (scripts/make-torch-fixtures runs it in a pinned venv).
"""

import os
import shutil
import sys
import zipfile

import numpy as np
import torch


def k(i, j):
    return (7 * i + 3 * j) % 11


def formula(rows, columns, dtype=torch.float32):
    """k(i, j) - 5 + j/4: exact in every float type, as in make_fixtures.py."""
    return torch.tensor([[k(i, j) - 5 + j / 4 for j in range(columns)] for i in range(rows)], dtype=dtype)


def save_both(out, name, tensors, extra=None, extra_npz=None):
    """torch.save of `tensors` (plus `extra` values) to NAME.pt, and np.savez of the same
    tensors, made contiguous, (plus the arrays `extra_npz`) to NAME.npz."""
    torch.save({**tensors, **(extra or {})}, os.path.join(out, name + ".pt"))
    np.savez(os.path.join(out, name + ".npz"),
             **{key: value.contiguous().numpy() for key, value in tensors.items() if value.dtype != torch.bfloat16},
             **(extra_npz or {}))


def hook_run(out):
    """The dict a forward hook collects, as the README's PyTorch section saves it."""
    weight, bias = formula(3, 4), torch.tensor([0.5, -0.25, 0.0])
    tensors = {"weight": weight, "bias": bias}
    for split, rows in [("train", 6), ("val", 4)]:
        features = formula(rows, 4) / 2
        tensors[f"{split}_features"] = features
        tensors[f"{split}_labels"] = torch.arange(rows, dtype=torch.int64) % 3
        tensors[f"{split}_logits"] = features @ weight.T + bias
    # Three augmented passes of the training examples, N x L x K, for information erasure.
    passes = torch.tensor([[[0.5 * ((i + l + c) % 3) for c in range(3)] for l in range(3)] for i in range(6)])
    tensors["train_logits_aug"] = tensors["train_logits"][:, None, :] + passes
    tensors["train_logits_aug_labels"] = tensors["train_labels"]
    names = ["cat", "dog", "owl"]
    save_both(out, "hook_run", tensors, {"class_names": names, "label_smoothing": 0.1},
              {"class_names": np.array(names), "label_smoothing": np.array(0.1)})


def shared_storage(out):
    """Three views of one storage of 16 float32s and an int64 storage of one: storages
    '0' and '1' of exactly the sizes the torch fuzz target provides, so its seed
    reaches every view."""
    base = torch.arange(16, dtype=torch.float32).reshape(4, 4) / 4
    save_both(out, "shared_storage", {"matrix": base, "transposed": base.T, "columns": base[:, ::2], "count": torch.tensor([7])})


def views(out):
    """Every layout torch writes: a transposed view, a strided slice, a storage offset,
    two tensors sharing a storage, the float and integer types; and an expanded view,
    which repeats elements (only in the .pt)."""
    base = formula(4, 6)
    shared = formula(3, 5, torch.float64)
    tensors = {
        "transposed": base.T,
        "sliced": base[:, ::2],
        "offset": base[1:],
        "shared_whole": shared,
        "shared_row": shared[1],
        "f16": formula(3, 4, torch.float16),
        "bf16": formula(3, 4, torch.bfloat16),
        "f64": formula(3, 4, torch.float64),
        "i64": (torch.arange(12, dtype=torch.int64) - 6) * 2 ** 40,
        "i32": (torch.arange(12, dtype=torch.int32) - 6) * 2 ** 20,
        "i16": torch.arange(12, dtype=torch.int16) - 6,
        "i8": torch.arange(12, dtype=torch.int8) - 6,
        "u8": torch.arange(12, dtype=torch.uint8) * 20,
        "flags": torch.arange(12) % 3 == 0,
        "scalar": torch.tensor(2.5),
        "empty": torch.zeros(0, 4),
    }
    save_both(out, "views", tensors, {"expanded": torch.ones(1, 3).expand(4, 3)})
    # bfloat16 has no NumPy type: its values as float32, exact.
    np.savez(os.path.join(out, "views_bf16.npz"), bf16=tensors["bf16"].float().numpy())


class SmallCNN(torch.nn.Module):
    def __init__(self, classes=10):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 4, 3)
        self.bn = torch.nn.BatchNorm2d(4)
        self.fc = torch.nn.Linear(4, classes)

    def forward(self, x):
        return self.fc(torch.relu(self.bn(self.conv(x))).mean((2, 3)))


class BasicBlock(torch.nn.Module):
    """torchvision's ResNet basic block, so the state_dict has its keys."""

    def __init__(self, inputs, outputs, stride):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(inputs, outputs, 3, stride, 1, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(outputs)
        self.conv2 = torch.nn.Conv2d(outputs, outputs, 3, 1, 1, bias=False)
        self.bn2 = torch.nn.BatchNorm2d(outputs)
        self.downsample = None
        if stride != 1 or inputs != outputs:
            self.downsample = torch.nn.Sequential(
                torch.nn.Conv2d(inputs, outputs, 1, stride, bias=False), torch.nn.BatchNorm2d(outputs))

    def forward(self, x):
        shortcut = x if self.downsample is None else self.downsample(x)
        y = torch.relu(self.bn1(self.conv1(x)))
        return torch.relu(self.bn2(self.conv2(y)) + shortcut)


class ResNet18(torch.nn.Module):
    """torchvision's resnet18 layout at a quarter of a channel per channel: 122 tensors, tiny."""

    def __init__(self, width=2, classes=5):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(3, width, 7, 2, 3, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(width)
        self.maxpool = torch.nn.MaxPool2d(3, 2, 1)
        channels = [width, width * 2, width * 4, width * 8]
        previous = width
        for index, outputs in enumerate(channels):
            stride = 1 if index == 0 else 2
            setattr(self, f"layer{index + 1}",
                    torch.nn.Sequential(BasicBlock(previous, outputs, stride), BasicBlock(outputs, outputs, 1)))
            previous = outputs
        self.avgpool = torch.nn.AdaptiveAvgPool2d(1)
        self.fc = torch.nn.Linear(previous, classes)

    def forward(self, x):
        x = self.maxpool(torch.relu(self.bn1(self.conv1(x))))
        for index in range(4):
            x = getattr(self, f"layer{index + 1}")(x)
        return self.fc(torch.flatten(self.avgpool(x), 1))


def checkpoints(out):
    """A small CNN's state_dict, a training checkpoint that nests it, and a ResNet-18
    state_dict with activations saved apart (model file + activations file)."""
    torch.manual_seed(0)
    cnn = SmallCNN()
    optimizer = torch.optim.SGD(cnn.parameters(), lr=0.1, momentum=0.9)
    cnn(torch.randn(2, 1, 6, 6)).sum().backward()
    optimizer.step()
    state = cnn.state_dict()
    save_both(out, "cnn_state_dict", dict(state))
    torch.save({"model": state, "optimizer": optimizer.state_dict(), "epoch": 12, "best_acc": 0.875},
               os.path.join(out, "checkpoint.pth"))

    resnet = ResNet18().eval()
    torch.save(resnet.state_dict(), os.path.join(out, "resnet18.pt"))
    captured = []
    resnet.avgpool.register_forward_hook(lambda module, inputs, output: captured.append(output.flatten(1)))
    acts = {}
    with torch.no_grad():
        for split, rows in [("train", 10), ("val", 6)]:
            captured.clear()
            logits = resnet(torch.randn(rows, 3, 32, 32))
            acts[f"{split}_features"] = captured[0]
            acts[f"{split}_labels"] = torch.arange(rows) % 5
            acts[f"{split}_logits"] = logits
    torch.save(acts, os.path.join(out, "resnet18_acts.pt"))
    np.savez(os.path.join(out, "resnet18_run.npz"), **{key: value.numpy() for key, value in acts.items()},
             weight=resnet.fc.weight.detach().numpy(), bias=resnet.fc.bias.detach().numpy())
    torch.save({"model": resnet.state_dict(), "epoch": 3}, os.path.join(out, "resnet18_checkpoint.pth"))


def old_formats(out):
    """The pre-1.6 format and a TorchScript archive, which penviz refuses with advice."""
    torch.save({"weight": formula(2, 2)}, os.path.join(out, "legacy.pt"), _use_new_zipfile_serialization=False)
    torch.jit.save(torch.jit.script(torch.nn.Linear(2, 2)), os.path.join(out, "scripted.pt"))


def big_endian(out):
    """views.pt's f64 tensor as a big-endian machine would write it: byteorder 'big',
    storage bytes swapped. torch writes the byte order it runs on, so this is made by hand."""
    source = os.path.join(out, "big_endian_source.pt")
    torch.save({"f64": formula(3, 4, torch.float64), "i32": torch.arange(6, dtype=torch.int32) - 3}, source)
    target = os.path.join(out, "big_endian.pt")
    item_size = {"0": 8, "1": 4}
    with zipfile.ZipFile(source) as reader, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as writer:
        for info in reader.infolist():
            data = reader.read(info.filename)
            if info.filename.endswith("/byteorder"):
                data = b"big"
            storage = info.filename.rsplit("/data/", 1)
            if len(storage) == 2 and storage[1] in item_size:
                size = item_size[storage[1]]
                data = b"".join(data[i:i + size][::-1] for i in range(0, len(data), size))
            writer.writestr(info.filename.replace("big_endian_source", "big_endian"), data)
    os.remove(source)


def main():
    out = sys.argv[1]
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    hook_run(out)
    shared_storage(out)
    views(out)
    checkpoints(out)
    old_formats(out)
    big_endian(out)


if __name__ == "__main__":
    main()
