"""Writes the PenvizIO test fixtures with real clients (NumPy, safetensors, Python's zipfile and csv).

Every numeric array follows one formula that the Swift tests recompute on their own:

    k(i, j)  = (7*i + 3*j) % 11                     (0 ... 10)
    float    = k - 5 + j/4                           (exact in f2, bf16, f4, f8)
    signed   = (k - 5) * 2**(8*size - 4)             (reaches the high byte)
    unsigned = k * 2**(8*size - 4)                   (sets the top bit for k >= 8)
    bool     = k is odd

2-d arrays are 3x4, 1-d arrays have 5 elements (j = 0), 0-d arrays hold element (1, 0).

Usage: make_fixtures.py OUTPUT_DIR (scripts/make-fixtures runs it in a pinned venv).
"""

import csv
import io
import os
import shutil
import struct
import sys
import time
import warnings
import zipfile

import numpy as np
import safetensors
import safetensors.numpy
from safetensors import TensorSpec, serialize_file

class FixedClock:
    """Stands in for the time module inside zipfile: members get a fixed date, so running
    the script again rewrites identical bytes."""

    EPOCH = 1_700_000_000

    @staticmethod
    def time():
        return float(FixedClock.EPOCH)

    @staticmethod
    def localtime(seconds=None):
        return time.gmtime(FixedClock.EPOCH)


zipfile.time = FixedClock

# A file the object-array fixture would create if anything ever unpickled it.
PICKLE_MARKER = "/tmp/penviz-fixture-was-unpickled"

SHAPES = {"c": (3, 4), "f": (3, 4), "1d": (5,), "0d": ()}
NUMERIC_CODES = ["f2", "f4", "f8", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1"]
CLASS_NAMES = ["airplane", "automobile", "bird", "café", "ü-日本"]


def k(i, j):
    return (7 * i + 3 * j) % 11


def value(code, i, j):
    kind, size = code[0], int(code[1:])
    if kind == "f":
        return k(i, j) - 5 + j / 4
    if kind == "i":
        return (k(i, j) - 5) * 2 ** (8 * size - 4)
    if kind == "u":
        return k(i, j) * 2 ** (8 * size - 4)
    return k(i, j) % 2 == 1


def formula_array(code, shape, byte_order="<"):
    """The formula array of dtype `code` and `shape` in the given byte order."""
    if len(shape) == 2:
        values = [[value(code, i, j) for j in range(shape[1])] for i in range(shape[0])]
    elif len(shape) == 1:
        values = [value(code, i, 0) for i in range(shape[0])]
    else:
        values = value(code, 1, 0)
    dtype = np.dtype(code if code[1] == "1" else byte_order + code)
    return np.array(values, dtype=dtype)


def write_npy(path, array, version=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Stored array in format 3.0": intended
        with open(path, "wb") as f:
            np.lib.format.write_array(f, array, version=version, allow_pickle=True)


class PickleMarker:
    """Unpickling this runs open(PICKLE_MARKER, 'w'), which creates the marker file."""

    def __reduce__(self):
        return (open, (PICKLE_MARKER, "w"))


def make_npy(out):
    os.makedirs(out)
    for code in NUMERIC_CODES:
        orders = {"na": "|"} if code[1] == "1" else {"le": "<", "be": ">"}
        for order_name, order in orders.items():
            for layout, shape in SHAPES.items():
                array = formula_array(code, shape, order)
                if layout == "f":
                    array = np.asfortranarray(array)
                write_npy(os.path.join(out, f"{code}_{order_name}_{layout}.npy"), array)
    f8 = formula_array("f8", (3, 4))
    write_npy(os.path.join(out, "v2_f8.npy"), f8, version=(2, 0))
    write_npy(os.path.join(out, "v3_f8.npy"), f8, version=(3, 0))
    # A field name outside latin-1 makes NumPy choose version 3.0 (UTF-8 header) by itself.
    write_npy(os.path.join(out, "v3_structured_utf8.npy"), np.zeros(2, dtype=[("名前", "<f4")]))
    write_npy(os.path.join(out, "structured.npy"), np.zeros(3, dtype=[("a", "<f4"), ("b", "<i4")]))
    write_npy(os.path.join(out, "names_U_le.npy"), np.array(CLASS_NAMES, dtype="<U"))
    write_npy(os.path.join(out, "names_U_be.npy"), np.array(CLASS_NAMES, dtype=">U"))
    write_npy(os.path.join(out, "names_S.npy"), np.array([b"cat", b"dog", b"frog"], dtype="S"))
    write_npy(os.path.join(out, "names_U_2d.npy"), np.array([["a", "bb"], ["ccc", "d"]], dtype="<U"))
    write_npy(os.path.join(out, "object_pickle.npy"), np.array([PickleMarker()], dtype=object))


def run_arrays():
    """The arrays of the fixture runs, under the keys a run uses."""
    return {
        "train/features": formula_array("f4", (3, 4)),
        "train/labels": formula_array("i8", (5,)),
        "weight": np.asfortranarray(formula_array("f8", (3, 4), ">")),
        "class_names": np.array(CLASS_NAMES, dtype="<U"),
        "label_smoothing": np.array(0.1),
        "flag": formula_array("b1", (5,)),
    }


def patch_u32(data, offset, number):
    data[offset:offset + 4] = struct.pack("<I", number)


def deflated_zip_with_declared_size(member, content, declared_size):
    """A zip whose one deflated member holds `content` but declares `declared_size` bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(member, content)
    data = bytearray(buffer.getvalue())
    local = data.index(b"PK\x03\x04")
    central = data.index(b"PK\x01\x02")
    patch_u32(data, local + 22, declared_size)
    patch_u32(data, central + 24, declared_size)
    return bytes(data)


def npy_bytes(array):
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array)
    return buffer.getvalue()


def make_npz(out):
    os.makedirs(out)
    arrays = run_arrays()
    np.savez(os.path.join(out, "stored.npz"), **arrays)
    np.savez_compressed(os.path.join(out, "deflated.npz"), **arrays)
    # NumPy forces zip64 in local headers only; a low limit makes Python's zipfile also write
    # zip64 central-directory fields and the zip64 end records, as it does for files over 2 GiB.
    saved_limit = zipfile.ZIP64_LIMIT
    zipfile.ZIP64_LIMIT = 64
    try:
        np.savez(os.path.join(out, "zip64.npz"), **arrays)
    finally:
        zipfile.ZIP64_LIMIT = saved_limit

    # Zip bomb: the entry declares the 64-byte array its npy header describes, but the
    # deflate stream goes on to 1 MiB of zeros.
    small = npy_bytes(np.zeros(64, dtype="u1"))
    with open(os.path.join(out, "bomb.npz"), "wb") as f:
        f.write(deflated_zip_with_declared_size("bomb.npy", small + bytes(1 << 20), len(small)))
    # The opposite: the stream ends 16 bytes before the declared (and npy-described) size.
    header_of_80 = npy_bytes(np.zeros(80, dtype="u1"))[:-80]
    with open(os.path.join(out, "short.npz"), "wb") as f:
        f.write(deflated_zip_with_declared_size("short.npy", header_of_80 + bytes(64), len(header_of_80) + 80))

    for name, member in [("evil_path.npz", "../evil.npy"), ("absolute_path.npz", "/etc/evil.npy")]:
        with zipfile.ZipFile(os.path.join(out, name), "w") as z:
            z.writestr(zipfile.ZipInfo(member), npy_bytes(np.zeros(2)))


def make_safetensors(out):
    os.makedirs(out)
    tensors = {}
    for code, name in [("f2", "f16"), ("f4", "f32"), ("f8", "f64"), ("i1", "i8"), ("i2", "i16"),
                       ("i4", "i32"), ("i8", "i64"), ("u1", "u8"), ("u2", "u16"), ("u4", "u32"),
                       ("u8", "u64"), ("b1", "bool")]:
        tensors[name] = formula_array(code, (3, 4))
    tensors["scalar"] = formula_array("f4", ())
    tensors["vector"] = formula_array("f8", (5,))
    tensors["empty"] = np.zeros((0, 4), dtype="<f4")
    # One metadata entry: safetensors writes the metadata map in hash order, which varies between runs.
    safetensors.numpy.save_file(tensors, os.path.join(out, "numeric.safetensors"), metadata={"format": "np"})

    # NumPy has no bfloat16; the top 16 bits of each float32 are its bfloat16 (exact for
    # these values), handed to safetensors' own serializer as raw bytes.
    bf16 = (formula_array("f4", (3, 4)).view("<u4") >> 16).astype("<u2")
    spec = TensorSpec(dtype="bfloat16", shape=[3, 4], data_ptr=bf16.ctypes.data, data_len=bf16.nbytes)
    serialize_file({"bf16": spec}, os.path.join(out, "bfloat16.safetensors"))


def write_delimited(path, rows, delimiter):
    with open(path, "w", newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\n").writerows(rows)


def make_text(out):
    os.makedirs(out)
    matrix = [[repr(value("f8", i, j)) for j in range(4)] for i in range(3)]
    column = [[repr(value("f8", i, 0))] for i in range(5)]
    write_delimited(os.path.join(out, "features_header.csv"), [["f0", "f1", "f2", "f3"]] + matrix, ",")
    write_delimited(os.path.join(out, "features_noheader.csv"), matrix, ",")
    write_delimited(os.path.join(out, "features_header.tsv"), [["f0", "f1", "f2", "f3"]] + matrix, "\t")
    write_delimited(os.path.join(out, "labels_noheader.tsv"), column, "\t")
    write_delimited(os.path.join(out, "labels_header.csv"), [["label"]] + column, ",")
    # Quoted header names (a comma, a quote), padded numbers and CRLF line ends.
    with open(os.path.join(out, "quoted_crlf.csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["x, first", 'say "y"'])
        for i in range(3):
            writer.writerow([f" {value('f8', i, 0)!r} ", f"{value('f8', i, 1)!r}"])


def make_directory_run(out):
    os.makedirs(os.path.join(out, "train"))
    arrays = run_arrays()
    write_npy(os.path.join(out, "train", "features.npy"), arrays["train/features"])
    write_npy(os.path.join(out, "train_labels.npy"), arrays["train/labels"])
    write_npy(os.path.join(out, "class_names.npy"), arrays["class_names"])
    write_delimited(os.path.join(out, "weight.csv"),
                    [[repr(value("f8", i, j)) for j in range(4)] for i in range(3)], ",")
    with open(os.path.join(out, "README.txt"), "w") as f:
        f.write("Not an array: penviz ignores files of other types.\n")
    write_npy(os.path.join(out, ".hidden.npy"), np.zeros(1))


def make_writer_references(out):
    """Arrays written by np.save that the Swift NpyWriter must reproduce byte for byte."""
    os.makedirs(out)
    np.save(os.path.join(out, "f8_2d.npy"), np.array([[value("f8", i, j) for j in range(2)] for i in range(3)]))
    np.save(os.path.join(out, "f8_special_1d.npy"),
            np.array([np.nan, np.inf, -np.inf, -0.0, 1e-300, 0.1, 2.0 ** 60]))
    np.save(os.path.join(out, "f8_long_1d.npy"), np.arange(1000) / 8)
    np.save(os.path.join(out, "i8_1d.npy"), np.array([0, -1, 2 ** 40, -(2 ** 62), 7], dtype="<i8"))
    np.save(os.path.join(out, "i8_2d.npy"), np.array([[1, 2, 3], [4, 5, 6]], dtype="<i8"))
    np.save(os.path.join(out, "U_1d.npy"), np.array(CLASS_NAMES))


def main():
    target = sys.argv[1]
    for name in ["npy", "npz", "safetensors", "text", "dir_run", "writers"]:
        shutil.rmtree(os.path.join(target, name), ignore_errors=True)
    make_npy(os.path.join(target, "npy"))
    make_npz(os.path.join(target, "npz"))
    make_safetensors(os.path.join(target, "safetensors"))
    make_text(os.path.join(target, "text"))
    make_directory_run(os.path.join(target, "dir_run"))
    make_writer_references(os.path.join(target, "writers"))


if __name__ == "__main__":
    main()
