"""Issue 20's targets for `penviz serve` on the ImageNet-shaped pair (imported by measure.py).

Start-up to ready, a new triplet at the server, peak memory, the page's draw time in
headless Chromium, and wrk's 50 concurrent connections for 30 s (errors, p99, RSS over
time). Written to args.out_serve.
"""
import http.client
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time

from measure import cpu_name, npy_shape, train_rows, warm

GB = 1e9


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss(pid, field="VmRSS"):
    """A field of /proc/PID/status in bytes (VmRSS now, VmHWM the peak)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


class Served:
    """`penviz serve RUNS --port P` started and timed until it prints its URL."""

    def __init__(self, penviz, runs, extra=()):
        self.port = free_port()
        started = time.perf_counter()
        self.process = subprocess.Popen([penviz, "serve", *runs, "--port", str(self.port), *extra],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            found = re.search(r"token=([0-9a-f]{32})", line)
            if found:
                self.token = found.group(1)
                break
        else:
            raise SystemExit("penviz serve ended without printing its URL")
        self.ready = time.perf_counter() - started
        self.url = f"http://127.0.0.1:{self.port}/?token={self.token}"

    def get(self, connection, path):
        connection.request("GET", path, headers={"X-Penviz-Token": self.token})
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"{path}: {response.status} {body[:200]!r}")
        return body

    def stop(self):
        self.process.send_signal(2)
        return self.process.wait(timeout=30)


def triplets(count, classes, seed):
    generator = random.Random(seed)
    return [generator.sample(range(classes), 3) for _ in range(count)]


def latencies(served, classes, count=200):
    """Seconds for `count` new triplets, one after another on one keep-alive connection."""
    connection = http.client.HTTPConnection("127.0.0.1", served.port)
    times, sizes = [], []
    for triplet in triplets(count, classes, seed=20):
        started = time.perf_counter()
        body = served.get(connection, "/api/panels?classes=" + ",".join(map(str, triplet)))
        times.append(time.perf_counter() - started)
        sizes.append(len(body))
    connection.close()
    return times, sizes


def download(served, seconds_allowed=600):
    """Seconds for the SVG download of one triplet (the figure `penviz compare` draws), and its size."""
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=seconds_allowed)
    started = time.perf_counter()
    body = served.get(connection, "/api/figure?classes=1,2,3&format=svg")
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed, len(body)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def browser_draws(python, served, classes):
    """The page's own fetch and draw times (window.penvizStats) for 20 triplets, in headless Chromium."""
    script = os.path.join(os.path.dirname(__file__), "serve_browser.py")
    output = subprocess.run([python, script, served.url, str(classes)], capture_output=True, text=True, check=True)
    return json.loads(output.stdout)


def wrk_load(served, classes, seconds=30, connections=50):
    """wrk with `connections` connections for `seconds` over 20 triplets; RSS sampled every second."""
    lua = os.path.join(os.path.dirname(__file__), "serve_wrk.lua")
    paths = ",".join("/api/panels?classes=" + ",".join(map(str, t)) for t in triplets(20, classes, seed=21))
    samples = []
    done = threading.Event()

    def sample():
        while not done.wait(1):
            samples.append(rss(served.process.pid))

    sampler = threading.Thread(target=sample)
    sampler.start()
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", lua,
         f"http://127.0.0.1:{served.port}/", "--", served.token, paths],
        capture_output=True, text=True, check=True).stdout
    done.set()
    sampler.join()
    return output, samples


def wrk_figures(output):
    """Requests, errors and latency percentiles from wrk's text."""
    def seconds(text):
        value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
        return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1}[unit]

    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    percentiles = {p: seconds(v) for p, v in re.findall(r"^\s+(\d+)%\s+([\d.]+\w+)", output, re.M)}
    return requests, errors + (int(non2xx.group(1)) if non2xx else 0), percentiles


def measure_serve(args, repo):
    data, penviz = args.data, args.penviz
    pair = [f"{data}/imagenet-a", f"{data}/imagenet-b"]
    classes, dimensions = npy_shape(f"{pair[0]}/weight.npy")
    rows, val_rows = train_rows(pair[0]), npy_shape(f"{pair[0]}/val_features.npy")[0]
    print("serve: warming the page cache", flush=True)
    warm(pair[:1])
    load_before = os.getloadavg()

    starts = []
    for round_ in range(args.rounds):
        served = Served(penviz, pair)
        starts.append(served.ready)
        print(f"serve: ready after {served.ready:.1f} s (round {round_ + 1})", flush=True)
        if round_ < args.rounds - 1:
            served.stop()
    times, sizes = latencies(served, classes)
    download_seconds, download_bytes = download(served)
    browser = browser_draws(args.python, served, classes)
    before_load = rss(served.process.pid)
    wrk_output, samples = wrk_load(served, classes)
    after_load = rss(served.process.pid)
    peak = rss(served.process.pid, "VmHWM")
    status = served.stop()
    load_after = os.getloadavg()
    requests, errors, percentiles = wrk_figures(wrk_output)

    start = statistics.median(starts)
    median, p99 = statistics.median(times), percentile(times, 0.99)
    draw = statistics.median(browser["drawMs"]) / 1000
    growth = samples[-1] - samples[len(samples) // 3] if len(samples) > 3 else 0
    targets = [
        ("start-up to ready (both runs read and measured once)", f"{start:.1f} s", "≤ 30 s", start <= 30),
        (f"a new triplet at the server, 2 runs × 2 splits (median of {len(times)}, loopback)",
         f"{median * 1000:.0f} ms", "≤ 100 ms", median <= 0.1),
        ("  the same, 99th percentile", f"{p99 * 1000:.0f} ms", "—", None),
        (f"drawn in the browser (median of {len(browser['drawMs'])}, headless Chromium)", f"{draw * 1000:.0f} ms", "≤ 300 ms",
         draw <= 0.3),
        ("the SVG download of a triplet (`penviz compare`'s figure: every row read again, as compare reads it)",
         f"{download_seconds:.1f} s", "—", None),
        ("peak RSS of the server (VmHWM), after everything below", f"{peak / GB:.2f} GB", "≤ 2 GB", peak <= 2 * GB),
        (f"wrk, 50 connections for 30 s: requests, errors", f"{requests:,}, {errors}", "0 errors", errors == 0),
        ("wrk: latency p50 / p99", f"{percentiles.get('50', 0) * 1000:.0f} ms / {percentiles.get('99', 0) * 1000:.0f} ms", "—", None),
        ("wrk: RSS before / after; growth over its last two thirds",
         f"{before_load / GB:.2f} / {after_load / GB:.2f} GB; {growth / 1e6:+.0f} MB", "flat", abs(growth) < 0.05 * GB),
        ("Ctrl-C after all this: exit status", str(status), "0", status == 0),
    ]
    met = {True: "yes", False: "**no**", None: "—"}
    lines = [
        "# penviz benchmark: penviz serve (issue 20)", "",
        "Written by `bench/run --only serve` (do not edit by hand). The server runs as its own process; the client",
        "is Python's http.client on one keep-alive loopback connection (a request's time includes the transfer),",
        "the browser headless Chromium driven by Playwright (bench/serve_browser.py reads the page's own timings),",
        "and the load wrk (bench/serve_wrk.lua: 20 triplets in turn).", "",
        f"Machine: {cpu_name()}, {os.cpu_count()} cores; load average before {load_before[0]:.2f}, after {load_after[0]:.2f}; "
        f"{args.rounds} start-ups; page cache warm.", "",
        f"Data: the ImageNet-shaped pair of the imagenet suite (bench/gen.c, seed 15): K = {classes:,}, D = {dimensions:,}, "
        f"float32, {rows:,} train rows in 8 shards and {val_rows:,} val rows, logits stored; run B is run A's files again.",
        "", "## Targets", "", "| target | measured | goal | met |", "|---|---|---|---|",
    ]
    lines += [f"| {what} | {value} | {goal} | {met[ok]} |" for what, value, goal, ok in targets]
    lines += ["", "## Details", "",
              f"- start-ups (s): {', '.join(f'{s:.1f}' for s in starts)}",
              f"- /api/panels answer size: median {statistics.median(sizes) / 1e3:.0f} kB; the SVG download {download_bytes / 1e6:.1f} MB",
              f"- browser fetch (ms, median): {statistics.median(browser['fetchMs']):.0f}; points a triplet: "
              f"{statistics.median(browser['points']):,.0f}",
              f"- RSS during wrk (GB, each second): {', '.join(f'{s / GB:.2f}' for s in samples)}",
              "", "```", wrk_output.strip(), "```", ""]
    with open(args.out_serve, "w") as file:
        file.write("\n".join(lines))
    print("\n".join(lines[lines.index("## Targets"):lines.index("## Targets") + 4 + len(targets)]))
