"""Runs penviz and its references side by side and writes bench/RESULTS.md (issue 8's targets),
bench/RESULTS-imagenet.md (issue 15's ImageNet-shaped case) and bench/RESULTS-hardening.md
(issue 16's bounded costs).

    python measure.py --data DIR --penviz BIN [--only all|issue8|imagenet|hardening] [--rounds R]
        [--readpass BIN --projection-pass BIN --python PY --figures SCRIPT]     (issue 8)
        [--baseline BIN] [--slow-rounds R]                (issue 15)
        [--python PY]                                      (issue 16)

Each group of commands runs R rounds; within a round every command of the group
runs once, the order rotating from round to round, so that penviz and its
reference see the same machine. Issue 8's groups first run every command once
untimed: on this VM a process's first runs after a build or a large process are
slower while freed memory comes back from the host, and penviz (which allocates
its results) pays that where a read pass (which allocates nothing) does not. Each run is timed as a whole process (wall
clock) under /usr/bin/time -v for its peak resident set size. Reported: the
median time of each command, its largest peak RSS, and for each target the
median over rounds of the paired ratio (reference time / penviz time in the
same round). bench/run prepares DIR and the binaries.
"""
import argparse
import ast
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import tempfile
import time

MB = 1 << 20


def run_once(command, cwd, reported=False):
    """Seconds and peak RSS (bytes) of one run of `command` (a list, or a string for bash): the
    process's wall time, or with `reported` the time it prints itself ("…: 0.123 s, …", as
    readpass and projection-pass time their pass)."""
    argv = ["bash", "-c", command] if isinstance(command, str) else command
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-v", "-o", report.name] + argv, cwd=cwd,
                              stdout=subprocess.PIPE if reported else subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"failed ({done.returncode}): {argv}\n{done.stderr[-2000:]}")
        if reported:
            seconds = float(re.search(r": ([0-9.]+) s,", done.stdout).group(1))
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read()).group(1)) * 1024
    return seconds, rss


def shown(command):
    return command if isinstance(command, str) else " ".join(command)


class Bench:
    def __init__(self, rounds, cwd, warmups=0):
        self.rounds, self.cwd, self.warmups = rounds, cwd, warmups
        self.times, self.rss, self.commands = {}, {}, {}

    def group(self, cases, rounds=None, reported=False):
        """Runs the named commands of one group alternately; returns nothing, records everything.
        With `reported`, each command's time is the one it prints (see run_once)."""
        for name, command in cases:
            self.commands[name] = command
            self.times.setdefault(name, [])
            self.rss.setdefault(name, [])
        for _ in range(self.warmups):
            for name, command in cases:
                run_once(command, self.cwd, reported)
        for r in range(rounds or self.rounds):
            shift = r % len(cases)
            for name, command in cases[shift:] + cases[:shift]:
                seconds, rss = run_once(command, self.cwd, reported)
                self.times[name].append(seconds)
                self.rss[name].append(rss)
            print(f"  round {r + 1}: " + ", ".join(f"{n} {self.times[n][-1]:.3f} s" for n, _ in cases), flush=True)

    def median(self, name):
        return statistics.median(self.times[name])

    def paired(self, reference, penviz):
        """Median over rounds of reference time / penviz time (how many times faster penviz is)."""
        pairs = zip(self.times[reference], self.times[penviz])
        return statistics.median(r / p for r, p in pairs)

    def paired_best(self, references, penviz):
        """Like `paired`, against the fastest of `references` in each round."""
        rounds = zip(zip(*(self.times[r] for r in references)), self.times[penviz])
        return statistics.median(min(rs) / p for rs, p in rounds)


def scratch_folder():
    """A folder for the commands' outputs: in memory (/dev/shm) where there is one, because the
    commands are timed, not the disk (penviz flushes every file it writes to disk before
    renaming it into place; NumPy does not)."""
    return tempfile.mkdtemp(prefix="penviz-bench-out-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)


def cpu_name():
    return next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
                platform.processor())


def command_sections(bench, data, out, repo):
    """The "Every command" table (median, min, max, peak RSS) and the "Commands" block of a results file,
    with DATA and OUT standing for the data and scratch folders."""
    lines = ["", "## Every command", "", "| command | median s | min s | max s | peak RSS MB |", "|---|---|---|---|---|"]
    for name in bench.times:
        ts = bench.times[name]
        lines.append(f"| {name} | {statistics.median(ts):.3f} | {min(ts):.3f} | {max(ts):.3f} | {max(bench.rss[name]) / MB:.0f} |")
    lines += ["", "## Commands", "", "DATA is the generated data folder, OUT a scratch folder.", "", "```"]
    for name, command in bench.commands.items():
        lines += [f"# {name}", shown(command).replace(data, "DATA").replace(out, "OUT").replace(repo + "/", "")]
    return lines + ["```", ""]


def measure_issue8(args, repo):
    """Issue 8's targets (projection, drawing, auto triplets, the main job), written to args.out."""
    data, penviz, py = args.data, args.penviz, args.python
    bench = Bench(args.rounds, repo, warmups=1)
    out = scratch_folder()
    load_before = os.getloadavg()

    def project(run, name):
        return [penviz, "project", f"{data}/{run}", "--classes", "0,1,2", "--all-classes", "--out", f"{out}/{name}.npy"]

    features = f"{data}/f32-2M/train_features.npy"
    print("projection, 2M×512 float32", flush=True)
    bench.group([
        ("penviz project f32 2M", project("f32-2M", "f32")),
        ("C read pass, mmap, 2 threads", [args.readpass, features, "mmap", "2"]),
        ("C read pass, pread, 2 threads", [args.readpass, features, "pread", "2"]),
        ("numpy blocked projection", [py, "bench/project_numpy.py", "blocked", f"{data}/f32-2M", f"{out}/np.npy"]),
    ])
    print("the projection pass alone, in process, against a read pass that releases its pages the same way", flush=True)
    bench.group([
        ("penviz projection pass, in process", [args.projection_pass, f"{data}/f32-2M"]),
        ("C read pass, mmap, releasing 64 MiB at a time, in process", [args.readpass, features, "mmap-release", "2"]),
    ], reported=True)
    print("naive numpy (fewer rounds: it holds the whole array in memory)", flush=True)
    bench.group([("numpy naive projection", [py, "bench/project_numpy.py", "naive", f"{data}/f32-2M", f"{out}/np.npy"])],
                rounds=min(3, args.rounds))
    print("float16 and bfloat16, linearity", flush=True)
    bench.group([
        ("penviz project f32 2M (again)", project("f32-2M", "f32")),
        ("penviz project f16 2M", project("f16-2M", "f16")),
        ("penviz project bf16 2M", project("bf16-2M.safetensors", "bf16")),
        ("penviz project f32 250k", project("f32-250k", "f32s")),
    ])

    print("drawing", flush=True)
    for n, label in [(100_000, "100k"), (1_000_000, "1M")]:
        formats = ["png", "svg"] if n == 100_000 else ["png"]
        for fmt in formats:
            bench.group([
                (f"penviz plot {fmt} {label}", [penviz, "plot", f"{data}/draw-{label}", "--classes", "0,1,2", "--splits", "train",
                                              "--width", "288", "--height", "288", "--out", f"{out}/plot-{label}.{fmt}"]),
                (f"matplotlib {fmt} {label}", [py, "bench/scatter_matplotlib.py", str(n), f"{out}/mpl-{label}.{fmt}"]),
            ])
    svg_bytes = {name: os.path.getsize(f"{out}/{name}-100k.svg") / 100_000 for name in ["plot", "mpl"]}

    print("auto triplets, K = 1000", flush=True)
    bench.group([("penviz compare --auto, K = 1000", [
        penviz, "compare", f"{data}/auto-a", f"{data}/auto-b", "--auto", "closest", "--auto", "farthest",
        "--out", f"{out}/auto.svg"])])
    print("end to end: the penviz commands of scripts/figures", flush=True)
    bench.group([("scripts/figures (penviz commands)", ["bash", args.figures])])
    load_after = os.getloadavg()
    shutil.rmtree(out)

    # The targets of issue 8, each as (what, measured, goal, met).
    m, paired = bench.median, bench.paired
    vs_read = bench.paired_best(["C read pass, mmap, 2 threads", "C read pass, pread, 2 threads"], "penviz project f32 2M")
    linear = m("penviz project f32 2M (again)") / (8 * m("penviz project f32 250k"))
    peak = max(bench.rss["penviz project f32 2M"] + bench.rss["penviz project f16 2M"] + bench.rss["penviz project bf16 2M"])
    kernel = paired("C read pass, mmap, releasing 64 MiB at a time, in process", "penviz projection pass, in process")
    targets = [
        ("projection speed / fastest 2-thread C read pass (whole `project --all-classes` command)", f"{vs_read:.2f}", "≥ 0.80",
         vs_read >= 0.8),
        ("projection pass / C read pass releasing its pages alike (both timed in process)", f"{kernel:.2f}", "≥ 0.80",
         kernel >= 0.8),
        ("numpy blocked time / penviz projection time", f"{paired('numpy blocked projection', 'penviz project f32 2M'):.2f}×", "≥ 1.7×",
         paired("numpy blocked projection", "penviz project f32 2M") >= 1.7),
        ("float16 rows/s ÷ float32 rows/s", f"{paired('penviz project f32 2M (again)', 'penviz project f16 2M'):.2f}", "≥ 1",
         paired("penviz project f32 2M (again)", "penviz project f16 2M") >= 1),
        ("bfloat16 rows/s ÷ float32 rows/s", f"{paired('penviz project f32 2M (again)', 'penviz project bf16 2M'):.2f}", "≥ 1",
         paired("penviz project f32 2M (again)", "penviz project bf16 2M") >= 1),
        ("time(2M) ÷ (8 × time(250k))", f"{linear:.2f}", "≤ 1.10", linear <= 1.1),
        ("peak RSS projecting 4.1 GB (f32) / 2 GB (f16, bf16)", f"{peak / MB:.0f} MB", "≤ 512 MB", peak <= 512 * MB),
    ]
    for label, fmt in [("100k", "png"), ("1M", "png"), ("100k", "svg")]:
        ratio = paired(f"matplotlib {fmt} {label}", f"penviz plot {fmt} {label}")
        targets.append((f"matplotlib ÷ penviz, {fmt.upper()} {label} points", f"{ratio:.1f}×", "≥ 5×", ratio >= 5))
    targets += [
        ("SVG bytes a point at 100k (matplotlib: {:.0f})".format(svg_bytes["mpl"]), f"{svg_bytes['plot']:.0f}", "≤ 100",
         svg_bytes["plot"] <= 100),
        ("auto triplets K = 1000 (whole compare process)", f"{m('penviz compare --auto, K = 1000'):.2f} s", "< 2 s",
         m("penviz compare --auto, K = 1000") < 2),
        ("scripts/figures penviz commands, release build", f"{m('scripts/figures (penviz commands)'):.2f} s", "< 2 s",
         m("scripts/figures (penviz commands)") < 2),
    ]

    cpu = cpu_name()
    lines = [
        "# penviz benchmark (issue 8)", "",
        "Written by `bench/run` (do not edit by hand). Every command runs as a whole process, timed by wall clock;",
        "penviz and its references alternate within each round; ratios are medians over rounds of the paired ratio.", "",
        f"Machine: {cpu}, {os.cpu_count()} cores; load average before {load_before[0]:.2f}, after {load_after[0]:.2f}; "
        f"{args.rounds} rounds after one untimed warm-up round; page cache warm (the data are read once before timing).", "",
        "## Targets", "",
        "| target | measured | goal | met |", "|---|---|---|---|",
    ]
    lines += [f"| {what} | {value} | {goal} | {'yes' if ok else '**no**'} |" for what, value, goal, ok in targets]
    lines += command_sections(bench, data, out, repo)
    with open(args.out, "w") as file:
        file.write("\n".join(lines))
    print("\n".join(lines[8:8 + 2 + len(targets)]))


def npy_shape(path):
    """The shape of an .npy file, read from its header."""
    with open(path, "rb") as file:
        magic = file.read(8)
        if magic[:6] != b"\x93NUMPY":
            raise SystemExit(f"not an .npy file: {path}")
        size = int.from_bytes(file.read(2 if magic[6] == 1 else 4), "little")
        header = ast.literal_eval(file.read(size).decode("latin-1"))
    return header["shape"]


def npy_rows(path):
    return npy_shape(path)[0]


def train_rows(folder):
    """The train rows of a folder run, its shards added up."""
    return sum(npy_rows(os.path.join(folder, name)) for name in os.listdir(folder)
               if name.startswith("train_features.") and name.endswith(".npy"))


def folder_bytes(folders):
    """The bytes of the files in `folders`, each inode once (the runs share files through hard links)."""
    seen = {}
    for folder in folders:
        for name in os.listdir(folder):
            info = os.stat(os.path.join(folder, name))
            seen[(info.st_dev, info.st_ino)] = info.st_size
    return sum(seen.values())


def warm(folders):
    """Reads every file of `folders` once, so that every timed command finds them in the page cache."""
    files = sorted({os.path.join(folder, name) for folder in folders for name in os.listdir(folder)})
    subprocess.run(["cat"] + files, stdout=subprocess.DEVNULL, check=True)


def measure_imagenet(args, repo):
    """Issue 15's ImageNet-shaped case (compare and report on K = 1000, D = 2048, 1,281,167 train
    rows in 8 shards and 50,000 val rows, float32, logits stored or not), written to args.out_imagenet.

    The runs (bench/run makes them): imagenet-a, its hard-linked twin imagenet-b, both again
    without stored logits (-nologits), the train-size runs imagenet-train{1,2,4}of8-{a,b} (the
    first 1, 2, 4 of the 8 train shards), and the 100k + 50k pair imagenet-100k-{a,b}.
    """
    data, penviz = args.data, args.penviz
    bench = Bench(args.rounds, repo)
    slow = max(1, min(args.slow_rounds, args.rounds))
    out = scratch_folder()
    GB = 1e9

    def run(name):
        return f"{data}/{name}"

    def compare(pair, tag, binary=penviz):
        return [binary, "compare", run(pair[0]), run(pair[1]), "--auto", "closest", "--auto", "farthest",
                "--out", f"{out}/{tag}.png", "--metrics", f"{out}/{tag}.json"]

    def report(pair, tag, binary=penviz):
        return [binary, "report", run(pair[0]), run(pair[1]), "--out", f"{out}/{tag}"]

    full, bare = ("imagenet-a", "imagenet-b"), ("imagenet-a-nologits", "imagenet-b-nologits")
    sizes = [(m, (f"imagenet-train{m}of8-a", f"imagenet-train{m}of8-b")) for m in (1, 2, 4)] + [(8, full)]
    small = ("imagenet-100k-a", "imagenet-100k-b")
    rows = {m: train_rows(run(pair[0])) for m, pair in sizes}
    val_rows = npy_rows(run("imagenet-a/val_features.npy"))
    classes, dimensions = npy_shape(run("imagenet-a/weight.npy"))
    small_rows, small_val = train_rows(run(small[0])), npy_rows(run(f"{small[0]}/val_features.npy"))
    disk = folder_bytes([run(name) for pair in [full, small] for name in pair] +
                        [run(pair[0]) for _, pair in sizes])

    print(f"ImageNet-shaped: warming the page cache ({disk / GB:.1f} GB)", flush=True)
    warm([run(full[0]), run(small[0])])
    load_before = os.getloadavg()
    print("ImageNet-shaped, stored logits", flush=True)
    bench.group([
        ("compare, stored logits", compare(full, "compare")),
        ("report, stored logits", report(full, "report")),
    ])
    print(f"ImageNet-shaped, no stored logits ({slow} rounds)", flush=True)
    bench.group([
        ("compare, no stored logits", compare(bare, "compare-bare")),
        ("report, no stored logits", report(bare, "report-bare")),
    ], rounds=slow)
    print("linearity in the train size (compare, stored logits)", flush=True)
    bench.group([(f"compare, train {m}/8", compare(pair, f"compare-{m}")) for m, pair in sizes])
    if args.baseline:
        print(f"against the code before issue 15, 100k + 50k ({slow} rounds)", flush=True)
        bench.group([
            ("baseline compare, 100k + 50k", compare(small, "compare-old", args.baseline)),
            ("compare, 100k + 50k", compare(small, "compare-new")),
            ("baseline report, 100k + 50k", report(small, "report-old", args.baseline)),
            ("report, 100k + 50k", report(small, "report-new")),
        ], rounds=slow)
    else:
        print("no baseline binary (PENVIZ_BASELINE): the comparison with the old code is skipped", flush=True)
    load_after = os.getloadavg()
    shutil.rmtree(out)

    # The targets of issue 15, each as (what, measured, goal, met: True, False or None for not measured).
    m = bench.median
    targets = []
    for command in ["compare", "report"]:
        seconds, rss = m(f"{command}, stored logits"), max(bench.rss[f"{command}, stored logits"])
        targets += [(f"{command}, stored logits: wall time", f"{seconds:.1f} s", "≤ 60 s", seconds <= 60),
                    (f"{command}, stored logits: peak RSS", f"{rss / GB:.2f} GB", "≤ 2 GB", rss <= 2 * GB)]
    for command in ["compare", "report"]:
        seconds = m(f"{command}, no stored logits")
        targets.append((f"{command}, no stored logits: wall time", f"{seconds:.1f} s", "≤ 300 s", seconds <= 300))
    for size, _ in sizes[:-1]:
        factor = rows[8] / rows[size]
        ratio = m("compare, train 8/8") / (factor * m(f"compare, train {size}/8"))
        targets.append((f"time(full) ÷ ({factor:.2f} × time({size}/8 of the train rows))", f"{ratio:.2f}", "≤ 1.10",
                        ratio <= 1.1))
    for command in ["compare", "report"]:
        what = f"baseline time ÷ new time, {command} 100k + 50k"
        if args.baseline:
            ratio = bench.paired(f"baseline {command}, 100k + 50k", f"{command}, 100k + 50k")
            targets.append((what, f"{ratio:.1f}×", "≥ 20×", ratio >= 20))
        else:
            targets.append((what, "not measured (PENVIZ_BASELINE unset)", "≥ 20×", None))

    lines = [
        "# penviz benchmark: the ImageNet-shaped case (issue 15)", "",
        "Written by `bench/run` (do not edit by hand). Every command runs as a whole process, timed by wall clock",
        "under /usr/bin/time for its peak RSS; the commands of a group alternate within each round; ratios are",
        "medians over rounds of the paired ratio.", "",
        f"Machine: {cpu_name()}, {os.cpu_count()} cores; load average before {load_before[0]:.2f}, after {load_after[0]:.2f}; "
        f"{args.rounds} rounds, {slow} for the groups without stored logits and against the baseline; page cache warm "
        f"(the data are read once before timing).", "",
        f"Data (bench/gen.c, seeded): K = {classes}, D = {dimensions}, float32; train {rows[8]:,} rows in 8 shards "
        f"(the 1/8, 1/4 and 1/2 runs: the first 1, 2, 4 shards, {rows[1]:,}, {rows[2]:,}, {rows[4]:,} rows), "
        f"val {val_rows:,} rows; logits stored as float32 (x·Wᵀ + b). Run B is run A's files again (hard links), "
        f"so both runs share the page cache; the runs without stored logits are the same files less the logits. "
        f"The 100k + 50k pair: {small_rows:,} + {small_val:,} rows, same K and D. {disk / GB:.1f} GB on disk in all.", "",
        "## Targets", "",
        "| target | measured | goal | met |", "|---|---|---|---|",
    ]
    met = {True: "yes", False: "**no**", None: "—"}
    lines += [f"| {what} | {value} | {goal} | {met[ok]} |" for what, value, goal, ok in targets]
    lines += ["", "## Every command", "", "| command | rounds | median s | min s | max s | peak RSS MB |",
              "|---|---|---|---|---|---|"]
    for name in bench.times:
        ts = bench.times[name]
        lines.append(f"| {name} | {len(ts)} | {statistics.median(ts):.3f} | {min(ts):.3f} | {max(ts):.3f} | "
                     f"{max(bench.rss[name]) / MB:.0f} |")
    lines += ["", "## Commands", "", "DATA is the generated data folder, OUT a scratch folder, BASELINE the old binary.", "",
              "```"]
    for name, command in bench.commands.items():
        text = shown(command).replace(data, "DATA").replace(out, "OUT").replace(repo + "/", "")
        if args.baseline:
            text = text.replace(args.baseline, "BASELINE")
        lines += [f"# {name}", text]
    lines += ["```", ""]
    with open(args.out_imagenet, "w") as file:
        file.write("\n".join(lines))
    print("\n".join(lines[lines.index("## Targets"):lines.index("## Targets") + 4 + len(targets)]))


def measure_hardening(args, repo):
    """Issue 16's bounded costs, each beside a NumPy reference doing the least the same answer
    needs, written to args.out_hardening: the automatic-triplet search at K = 10,000, D = 2048
    (against the K×K distance matrix in NumPy) and information erasure on N = 200,000 examples
    (penviz's seeded sample of 20,000 against NumPy's Î on 20,000 examples)."""
    data, penviz, py = args.data, args.penviz, args.python
    bench = Bench(args.rounds, repo, warmups=1)
    out = scratch_folder()
    classes, dimensions = npy_shape(f"{data}/auto10k/weight.npy")
    examples, passes, _ = npy_shape(f"{data}/erasure-200k/train_logits_aug.npy")
    warm([f"{data}/auto10k", f"{data}/erasure-200k"])
    load_before = os.getloadavg()

    def compare(*options):
        return [penviz, "compare", f"{data}/auto10k", f"{data}/auto10k", *options, "--out", f"{out}/auto10k.png"]

    print(f"automatic triplets, K = {classes}, D = {dimensions}", flush=True)
    bench.group([
        ("penviz compare --auto closest --auto farthest", compare("--auto", "closest", "--auto", "farthest")),
        ("penviz compare --classes 0,1,2 (the same without the search)", compare("--classes", "0,1,2")),
        ("numpy K×K template distances", [py, "bench/hardening_numpy.py", "distances", f"{data}/auto10k"]),
    ])
    print(f"information erasure, N = {examples}, L = {passes}", flush=True)
    bench.group([
        ("penviz erasure (a seeded sample of 20,000)", [penviz, "erasure", f"{data}/erasure-200k", "--classes", "0,1"]),
        ("numpy Î on 20,000 examples", [py, "bench/hardening_numpy.py", "erasure", f"{data}/erasure-200k", "20000"]),
    ])
    load_after = os.getloadavg()
    shutil.rmtree(out)

    m = bench.median
    search = m("penviz compare --auto closest --auto farthest") - m("penviz compare --classes 0,1,2 (the same without the search)")
    auto_rss = max(bench.rss["penviz compare --auto closest --auto farthest"])
    given_rss = max(bench.rss["penviz compare --classes 0,1,2 (the same without the search)"])
    erasure = m("penviz erasure (a seeded sample of 20,000)")
    targets = [
        (f"automatic-triplet search, K = {classes:,}, D = {dimensions} (compare --auto minus compare --classes)",
         f"{search:.1f} s", "seconds (≤ 15 s)", search <= 15),
        ("numpy K×K distances ÷ penviz's exact search (time)",
         f"{m('numpy K×K template distances') / search:.2f}", "—", None),
        ("peak RSS of compare --auto, and of compare --classes (no search); a K×K float64 matrix would be "
         f"{classes * classes * 8 / MB:.0f} MB", f"{auto_rss / MB:.0f} MB, {given_rss / MB:.0f} MB", "no K×K", auto_rss - given_rss < classes * classes * 8),
        (f"erasure of N = {examples:,}, L = {passes} (default --max-rows 20,000)", f"{erasure:.1f} s", "≤ 30 s", erasure <= 30),
        ("numpy Î on 20,000 ÷ penviz erasure (time)",
         f"{bench.paired('numpy Î on 20,000 examples', 'penviz erasure (a seeded sample of 20,000)'):.2f}", "—", None),
    ]
    write_results(
        args.out_hardening, args, bench, targets, data, out, repo, load_before, load_after,
        title="bounded costs (issue 16)", suite="hardening",
        method="the commands of a group alternate within each round; ratios are medians over rounds of the paired ratio.",
        data_line=f"Data: `auto10k` (bench/gen.c, seed 17): K = {classes:,} templates of D = {dimensions} (entries uniform in [−2, 2) "
        f"plus noise), 300 train rows; `erasure-200k` (bench/hardening_numpy.py, seed 18): N = {examples:,} examples, "
        f"L = {passes} passes, K = 10, float32.")


def measure_triplets(args, repo):
    """Issue 18's ranking of triplets by confusion at K = 1000 on ImageNet's 50,000 val rows,
    beside an exhaustive NumPy scan of the same S, written to args.out_triplets."""
    data, penviz, py = args.data, args.penviz, args.python
    bench = Bench(args.rounds, repo, warmups=1)
    out = scratch_folder()
    rows, classes = npy_shape(f"{data}/confusion1k/val_logits.npy")
    warm([f"{data}/confusion1k"])
    load_before = os.getloadavg()

    def compare(*options):
        return [penviz, "compare", f"{data}/confusion1k", f"{data}/confusion1k", "--splits", "train", *options,
                "--out", f"{out}/confusion.png"]

    ranked = "penviz compare --auto similar --auto mixed --auto different"
    given = "penviz compare --classes 0,1,2 (the same without the ranking)"
    print(f"triplets by confusion, K = {classes}, val N = {rows}", flush=True)
    bench.group([
        (ranked, compare("--auto", "similar", "--auto", "mixed", "--auto", "different")),
        (given, compare("--classes", "0,1,2")),
        ("numpy C, S and every triplet scanned", [py, "bench/triplets_numpy.py", f"{data}/confusion1k"]),
    ])
    load_after = os.getloadavg()
    shutil.rmtree(out)

    m = bench.median
    ranking = m(ranked) - m(given)
    targets = [
        (f"ranking by confusion, K = {classes:,}, val N = {rows:,} (compare --auto minus compare --classes)",
         f"{ranking:.2f} s", "≤ 2 s", ranking <= 2),
        ("numpy exhaustive scan ÷ penviz's ranking (time)", f"{m('numpy C, S and every triplet scanned') / ranking:.1f}", "—", None),
    ]
    write_results(
        args.out_triplets, args, bench, targets, data, out, repo, load_before, load_after,
        title="triplets by confusion (issue 18)", suite="triplets",
        method="the commands of a group alternate within each round.",
        data_line=f"Data: `confusion1k` (bench/gen.c, seed 19): K = {classes:,} classes, D = 64, 1,000 train rows and "
        f"{rows:,} val rows with float32 logits stored (`--spread 0.2`). compare draws the train split only, so the "
        "difference of the two penviz commands is the ranking: C and S from the val logits, and the three searches.")


def measure_collapse(args, repo):
    """Issue 19's neural collapse at ImageNet's size (K = 1000, D = 2048, 1,281,167 train rows):
    `penviz collapse` with its default budget and on every row; on the 100k run's every row beside
    the textbook NumPy computation (D×D Σ_W and Σ_B⁺), whose figures it must match; and compare and
    report, which now measure each run's collapse too, against issue 15's 60 s. Written to args.out_collapse."""
    data, penviz, py = args.data, args.penviz, args.python
    bench = Bench(args.rounds, repo, warmups=1)
    slow = max(1, min(args.slow_rounds, args.rounds))
    out = scratch_folder()
    full, small = f"{data}/imagenet-a", f"{data}/imagenet-100k-a"
    rows, small_rows = train_rows(full), train_rows(small)
    classes, dimensions = npy_shape(f"{full}/weight.npy")
    print("collapse: warming the page cache", flush=True)
    warm([full, small])
    load_before = os.getloadavg()

    default = "penviz collapse, ImageNet train (default --max-rows 100000)"
    every = f"penviz collapse, ImageNet train, every row (--max-rows {rows})"
    small_penviz, small_numpy = f"penviz collapse, 100k train, every row", "numpy, 100k train, D×D Σ_W and Σ_B⁺"
    compare, report = "penviz compare, ImageNet pair, stored logits", "penviz report, ImageNet pair, stored logits"
    print("neural collapse, ImageNet-shaped", flush=True)
    bench.group([(default, [penviz, "collapse", full, "--out", f"{out}/collapse.png", "--metrics", f"{out}/collapse.json"])])
    bench.group([(every, [penviz, "collapse", full, "--max-rows", str(rows)])], rounds=slow)
    print("against NumPy, the 100k run", flush=True)
    bench.group([
        (small_penviz, [penviz, "collapse", small, "--max-rows", str(small_rows), "--metrics", f"{out}/small.json"]),
        (small_numpy, [py, "bench/collapse_numpy.py", small, f"{out}/small-numpy.json"]),
    ])
    print("compare and report, with each run's collapse", flush=True)
    bench.group([
        (compare, [penviz, "compare", full, f"{data}/imagenet-b", "--auto", "closest", "--auto", "farthest",
                   "--out", f"{out}/compare.png", "--metrics", f"{out}/compare.json"]),
        (report, [penviz, "report", full, f"{data}/imagenet-b", "--out", f"{out}/report"]),
    ])
    load_after = os.getloadavg()
    with open(f"{out}/small.json") as file:
        measured = json.load(file)["runs"][0]
    with open(f"{out}/small-numpy.json") as file:
        reference = json.load(file)
    worst = max(abs(measured[key] - value) / abs(value) for key, value in reference.items())
    shutil.rmtree(out)

    m, GB = bench.median, 1e9
    rss = max(bench.rss[default])
    targets = [
        (f"collapse, train N = {rows:,} (default --max-rows 100,000, a stratified sample)", f"{m(default):.1f} s", "≤ 60 s",
         m(default) <= 60),
        ("collapse: peak RSS", f"{rss / GB:.2f} GB", "≤ 2 GB", rss <= 2 * GB),
        (f"collapse on every one of the {rows:,} train rows", f"{m(every):.1f} s", "—", None),
        (f"numpy ÷ penviz, every row of the 100k run (time)", f"{bench.paired(small_numpy, small_penviz):.1f}", "—", None),
        ("largest relative difference of a figure, penviz against numpy (100k run)", f"{worst:.1e}", "≤ 1e-9", worst <= 1e-9),
    ] + [(f"{name} (issue 15's goal, now with collapse)", f"{m(name):.1f} s", "≤ 60 s", m(name) <= 60) for name in [compare, report]]
    write_results(
        args.out_collapse, args, bench, targets, data, out, repo, load_before, load_after,
        title="neural collapse (issue 19)", suite="collapse",
        method="the commands of a group alternate within each round; the every-row command runs "
        f"{slow} round(s).",
        data_line=f"Data: the ImageNet-shaped runs of the imagenet suite (bench/gen.c, seed 15): K = {classes:,}, "
        f"D = {dimensions:,}, float32, {rows:,} train rows in 8 shards with logits stored; `imagenet-100k-a` (seed 16), "
        f"{small_rows:,} train rows. Run B of the pair is run A's files again (hard links).")


def write_results(path, args, bench, targets, data, out, repo, load_before, load_after, title, suite, method, data_line):
    """Writes a suite's results file: its preamble, the targets table and every command, and
    prints the targets table."""
    met = {True: "yes", False: "**no**", None: "—"}
    lines = [
        f"# penviz benchmark: {title}", "",
        f"Written by `bench/run --only {suite}` (do not edit by hand). Every command runs as a whole process, timed by",
        f"wall clock under /usr/bin/time for its peak RSS; {method}", "",
        f"Machine: {cpu_name()}, {os.cpu_count()} cores; load average before {load_before[0]:.2f}, after {load_after[0]:.2f}; "
        f"{args.rounds} rounds after one untimed warm-up round; page cache warm.", "",
        data_line, "",
        "## Targets", "",
        "| target | measured | goal | met |", "|---|---|---|---|",
    ]
    lines += [f"| {what} | {value} | {goal} | {met[ok]} |" for what, value, goal, ok in targets]
    lines += command_sections(bench, data, out, repo)
    with open(path, "w") as file:
        file.write("\n".join(lines))
    print("\n".join(lines[lines.index("## Targets"):lines.index("## Targets") + 4 + len(targets)]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--penviz", required=True)
    parser.add_argument("--only", choices=["all", "issue8", "imagenet", "hardening", "triplets", "collapse", "serve"], default="all")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", default="bench/RESULTS.md", help="issue 8's results")
    parser.add_argument("--out-imagenet", default="bench/RESULTS-imagenet.md", help="issue 15's results")
    parser.add_argument("--out-hardening", default="bench/RESULTS-hardening.md", help="issue 16's results")
    parser.add_argument("--out-triplets", default="bench/RESULTS-triplets.md", help="issue 18's results")
    parser.add_argument("--out-collapse", default="bench/RESULTS-collapse.md", help="issue 19's results")
    parser.add_argument("--out-serve", default="bench/RESULTS-serve.md", help="issue 20's results")
    parser.add_argument("--readpass", help="issue 8: the C read pass")
    parser.add_argument("--projection-pass", help="issue 8: penviz's projection pass timed in process (bench/projection-pass)")
    parser.add_argument("--python", help="issue 8: the venv's python, with numpy and matplotlib")
    parser.add_argument("--figures", help="issue 8: the main job's penviz commands")
    parser.add_argument("--baseline", help="issue 15: penviz before issue 15, timed on the 100k + 50k pair")
    parser.add_argument("--slow-rounds", type=int, default=2,
                        help="issue 15: rounds of the groups without stored logits and against the baseline")
    args = parser.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if args.only in ("all", "issue8"):
        if not (args.readpass and args.projection_pass and args.python and args.figures):
            parser.error("issue 8's suite needs --readpass, --projection-pass, --python and --figures")
        measure_issue8(args, repo)
    if args.only in ("all", "imagenet"):
        measure_imagenet(args, repo)
    if args.only in ("all", "hardening"):
        if not args.python:
            parser.error("the hardening suite needs --python")
        measure_hardening(args, repo)
    if args.only in ("all", "triplets"):
        if not args.python:
            parser.error("the triplets suite needs --python")
        measure_triplets(args, repo)
    if args.only in ("all", "collapse"):
        if not args.python:
            parser.error("the collapse suite needs --python")
        measure_collapse(args, repo)
    if args.only in ("all", "serve"):
        if not args.python:
            parser.error("the serve suite needs --python (with playwright)")
        from serve_measure import measure_serve
        measure_serve(args, repo)


if __name__ == "__main__":
    main()
