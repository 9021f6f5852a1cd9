"""Runs penviz and its references side by side and writes bench/RESULTS.md.

    python measure.py --data DIR --penviz BIN --readpass BIN --python PY --figures SCRIPT [--rounds R]

Each group of commands runs R rounds; within a round every command of the group
runs once, the order rotating from round to round, so that penviz and its
reference see the same machine. Each run is timed as a whole process (wall
clock) under /usr/bin/time -v for its peak resident set size. Reported: the
median time of each command, its largest peak RSS, and for each target the
median over rounds of the paired ratio (reference time / penviz time in the
same round). bench/run prepares DIR and the binaries.
"""
import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import tempfile
import time

MB = 1 << 20


def run_once(command, cwd):
    """Wall seconds and peak RSS (bytes) of one run of `command` (a list, or a string for bash)."""
    argv = ["bash", "-c", command] if isinstance(command, str) else command
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-v", "-o", report.name] + argv, cwd=cwd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"failed ({done.returncode}): {argv}\n{done.stderr[-2000:]}")
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read()).group(1)) * 1024
    return seconds, rss


def shown(command):
    return command if isinstance(command, str) else " ".join(command)


class Bench:
    def __init__(self, rounds, cwd):
        self.rounds, self.cwd = rounds, cwd
        self.times, self.rss, self.commands = {}, {}, {}

    def group(self, cases, rounds=None):
        """Runs the named commands of one group alternately; returns nothing, records everything."""
        for name, command in cases:
            self.commands[name] = command
            self.times.setdefault(name, [])
            self.rss.setdefault(name, [])
        for r in range(rounds or self.rounds):
            shift = r % len(cases)
            for name, command in cases[shift:] + cases[:shift]:
                seconds, rss = run_once(command, self.cwd)
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


def main():
    parser = argparse.ArgumentParser()
    for flag in ["--data", "--penviz", "--readpass", "--python", "--figures", "--out"]:
        parser.add_argument(flag, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    data, penviz, py = args.data, args.penviz, args.python
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bench = Bench(args.rounds, repo)
    # Outputs go to memory (/dev/shm) where there is one: the commands are timed, not the disk
    # (penviz flushes every file it writes to disk before renaming it into place; NumPy does not).
    out = tempfile.mkdtemp(prefix="penviz-bench-out-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
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
        penviz, "compare", f"{data}/auto-a", f"{data}/auto-b", "--auto", "similar", "--auto", "different",
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
    targets = [
        ("projection speed / fastest 2-thread C read pass", f"{vs_read:.2f}", "≥ 0.80", vs_read >= 0.8),
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

    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    lines = [
        "# penviz benchmark (issue 8)", "",
        "Written by `bench/run` (do not edit by hand). Every command runs as a whole process, timed by wall clock;",
        "penviz and its references alternate within each round; ratios are medians over rounds of the paired ratio.", "",
        f"Machine: {cpu}, {os.cpu_count()} cores; load average before {load_before[0]:.2f}, after {load_after[0]:.2f}; "
        f"{args.rounds} rounds; page cache warm (the data are read once before timing).", "",
        "## Targets", "",
        "| target | measured | goal | met |", "|---|---|---|---|",
    ]
    lines += [f"| {what} | {value} | {goal} | {'yes' if ok else '**no**'} |" for what, value, goal, ok in targets]
    lines += ["", "## Every command", "", "| command | median s | min s | max s | peak RSS MB |", "|---|---|---|---|---|"]
    for name in bench.times:
        ts = bench.times[name]
        lines.append(f"| {name} | {statistics.median(ts):.3f} | {min(ts):.3f} | {max(ts):.3f} | {max(bench.rss[name]) / MB:.0f} |")
    lines += ["", "## Commands", "", "DATA is the generated data folder, OUT a scratch folder.", "", "```"]
    for name, command in bench.commands.items():
        lines.append(f"# {name}")
        lines.append(shown(command).replace(data, "DATA").replace(out, "OUT").replace(repo + "/", ""))
    lines += ["```", ""]
    with open(args.out, "w") as file:
        file.write("\n".join(lines))
    print("\n".join(lines[8:8 + 2 + len(targets)]))


main()
