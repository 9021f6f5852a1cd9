#!/usr/bin/env python3
"""The explorer's page (Sources/PenvizServe/Page) in a real browser: headless Chromium
driven by Playwright, against the built `penviz serve` on the committed example runs.

    python3 Tests/Browser/explorer_page.py --penviz .build/debug/penviz [--shots DIR]

It starts the server, walks the page as a user would (every expectation read from
/api/session): types class names and ids, picks suggestions, hovers and pins a point,
switches axes and tabs, checks that every canvas drew its points and that the console
holds no error or warning, then downloads the figure as SVG through the page's own
link and compares its bytes with `penviz compare`'s for the same triplet; then, on a made-up
run of K = 1000 classes, picks classes by id and by name (one with a comma, one two
classes share). Screenshots go
to --shots. Exit status 0 when every check passes. scripts/test-browser runs it (CI too).
"""
import argparse
import json
import os
import random
import re
import socket
import struct
import subprocess
import sys
import tempfile

from playwright.sync_api import sync_playwright

failures = []


def check(condition, message):
    print(("  ok   " if condition else "  FAIL ") + message)
    if not condition:
        failures.append(message)


def watch(page, log):
    page.on("console", lambda m: log.append((m.type, m.text)))
    page.on("pageerror", lambda e: log.append(("pageerror", str(e))))


def bad(log):
    return [entry for entry in log if entry[0] in ("error", "warning", "pageerror")]


def ready(page, timeout=20000):
    page.wait_for_function("() => document.body.dataset.state === 'ready'", timeout=timeout)


def opened(browser, url, **options):
    """A new 1280×800 browser context with `options`, its page at `url` once drawn, and the page's console log."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, **options)
    page = context.new_page()
    log = []
    watch(page, log)
    page.goto(url)
    ready(page)
    return context, page, log


def triplet_inputs(page):
    return [page.input_value(s) for s in ("#class-a", "#class-b", "#class-c")]


def find_point(page, canvas_selector):
    """Moves the mouse over the canvas until the tooltip shows; returns (x, y) page coords."""
    page.locator(canvas_selector).scroll_into_view_if_needed()
    box = page.locator(canvas_selector).bounding_box()
    # the plot area is the canvas minus the tick margins (left 34, top 6, 264 square)
    left, top = box["x"] + 34, box["y"] + 6
    for fy in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
        for fx in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9):
            x, y = left + 264 * fx, top + 264 * fy
            page.mouse.move(x, y)
            if page.locator("#tooltip").is_visible():
                return x, y
    return None


def session_of(page):
    return page.evaluate("() => fetch('/api/session', {credentials: 'same-origin'}).then(r => r.json())")


def k10(browser, url, shots, scale=1):
    """The main walk-through; every expectation comes from /api/session."""
    print(f"session at {url} (device scale {scale})")
    context, page, log = opened(browser, url, device_scale_factor=scale)
    session = session_of(page)
    names, runs, splits = session["classes"], session["runs"], session["splits"]
    K = len(names)
    initial = session["initial"]
    key = ",".join(map(str, initial))
    panels = page.locator("canvas.panel")
    check(panels.count() == len(runs) * len(splits), f"{len(runs)} runs x {len(splits)} splits panels drawn (got {panels.count()})")
    check(page.evaluate("location.hash") == f"#classes={key}", "initial triplet in the hash")
    check("token=" in page.evaluate("location.search") or "token=" not in url, "the ?token= query is kept")
    check(triplet_inputs(page) == [names[i] for i in initial], f"boxes show the initial triplet: {triplet_inputs(page)}")
    check(page.locator("#runs li").count() == len(runs), "header lists the runs")
    stats = page.evaluate("window.penvizStats")
    print("  stats", json.dumps(stats))
    check(stats and stats["points"] > 0 and stats["fetchMs"] >= 0 and stats["drawMs"] >= 0, "penvizStats set")
    attrs = page.eval_on_selector_all("canvas.panel", "cs => cs.map(c => [c.dataset.run, c.dataset.split, +c.dataset.points, c.dataset.mode])")
    print("  panels", attrs)
    check(all(a[0] and a[1] and a[2] > 0 for a in attrs), "every canvas.panel has data-run, data-split, data-points")
    check([(a[0], a[1]) for a in attrs] == [(r["label"], sp) for r in runs for sp in splits], "panels in run x split order")
    check(sum(a[2] for a in attrs) == stats["points"], "penvizStats.points is the sum of data-points")
    check(all((a[3] == "density") == (a[2] > 20000) for a in attrs), "density shading exactly past 20,000 points")
    captions = page.eval_on_selector_all(".panel-cell figcaption", "fs => fs.map(f => f.textContent)")
    check(all(re.match(r"tightness (\d+\.\d+|n/a)", c) for c in captions), f"captions {captions}")
    check(page.locator("#legend .legend-item").count() >= 3, "legend")
    if session["suggestions"]:
        n = len(session["suggestions"]["similar"]) + len(session["suggestions"]["different"])
        check(page.locator("button.suggestion").count() == n, f"{n} suggestions")
    else:
        check("No suggestions" in page.text_content("#suggestions-note"), "no suggestions: a note says why")
    check(page.locator("#splits-table tbody tr").count() == sum(len(r["splits"]) for r in runs), "splits table: run x split rows")
    check(page.locator("#triplet-table tbody tr").count() == len(attrs), "triplet table: a row a panel")
    check(page.get_attribute("#download", "href") == f"/api/figure?classes={key}&format=png&axes=independent", "download href")
    check(page.get_attribute("#download", "download") == f"penviz-compare-{'-'.join(map(str, initial))}.png", "download name")
    check(page.input_value("#command") == f"{session['command']} --classes {key} --out compare.png", "command: " + page.input_value("#command"))
    page.screenshot(path=f"{shots}initial{'' if scale == 1 else '-hidpi'}.png", full_page=True)
    if scale != 1:
        context.close()
        return bad(log)

    current = list(initial)
    others = [i for i in range(K) if i not in current]

    def expect(ids, message):
        check(page.evaluate("location.hash") == "#classes=" + ",".join(map(str, ids)), f"{message}: hash {page.evaluate('location.hash')}")

    # type-ahead: a name typed in part, Enter picks the first match
    target = others[0]
    prefix = names[target][:3]
    page.click("#class-a")
    page.keyboard.press("Control+A")
    page.keyboard.type(prefix)
    options = page.locator("#class-a-matches li[data-id]")
    first_id = int(options.first.get_attribute("data-id"))
    check(options.count() >= 1 and names[first_id].lower().startswith(prefix.lower()), f"typing '{prefix}' lists a name starting with it first")
    check(options.count() <= 50, "at most 50 matches listed")
    page.screenshot(path=f"{shots}typeahead.png")
    page.keyboard.press("Enter")
    if first_id not in current[1:]:
        ready(page)
        current[0] = first_id
        expect(current, f"Enter picks {names[first_id]}")
    check(page.locator("#class-a-matches").is_hidden(), "dropdown closed after Enter")

    # arrow keys, Escape, click on a match
    page.click("#class-c")
    page.keyboard.press("Control+A")
    page.keyboard.type(names[others[1]][:1])
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    check(page.locator("#class-c-matches").is_hidden(), "Escape closes the dropdown")
    page.keyboard.press("ArrowDown")
    check(page.locator("#class-c-matches").is_visible(), "ArrowDown reopens the dropdown")
    target = next(i for i in others[1:] if i not in current)
    page.keyboard.press("Control+A")
    page.keyboard.type(names[target])                      # the whole name: an exact match, listed first
    page.locator(f"#class-c-matches li[data-id='{target}']").first.click()
    ready(page)
    current[2] = target
    expect(current, f"click picks {names[target]}")
    # an id typed, then Enter
    target = next(i for i in range(K - 1, -1, -1) if i not in current)
    page.fill("#class-b", str(target))
    page.keyboard.press("Enter")
    ready(page)
    current[1] = target
    expect(current, f"id {target} picks {names[target]}")
    check(page.input_value("#class-b") == names[target], "box b shows the name")
    # duplicates: nothing loads, a note
    if len(set(n.lower() for n in names)) == K:
        page.fill("#class-b", names[current[2]])
        page.wait_for_timeout(200)
        check("different" in page.text_content("#status"), "duplicate classes: note in #status")
        expect(current, "duplicate classes do not change the hash")
        target = next(i for i in others if i not in current)
        page.fill("#class-b", names[target])
        ready(page)
        current[1] = target
        check(page.text_content("#status") == "", "status cleared once distinct")

    # suggestions, Back and Forward
    if session["suggestions"] and session["suggestions"]["different"] and session["suggestions"]["similar"]:
        different = session["suggestions"]["different"][0]["ids"]
        similar = session["suggestions"]["similar"][0]["ids"]
        page.locator("#suggest-different button.suggestion").nth(0).click()
        ready(page)
        expect(different, "a suggestion sets the triplet")
        check(triplet_inputs(page) == [names[i] for i in different], f"boxes follow the suggestion {triplet_inputs(page)}")
        check(page.locator("#suggest-different button.suggestion").nth(0).get_attribute("aria-pressed") == "true", "suggestion marked current")
        page.locator("#suggest-similar button.suggestion").nth(0).click()
        ready(page)
        expect(similar, "first similar suggestion")
        if sorted(similar) != sorted(different):
            page.go_back()
            ready(page)
            expect(different, "Back restores the previous triplet")
            page.go_forward()
            ready(page)
            check(triplet_inputs(page) == [names[i] for i in similar], "Forward again")

    # hover and pin, in the first run's second split (else first)
    split = splits[1] if len(splits) > 1 else splits[0]
    first = f"canvas.panel[data-run='{runs[0]['label']}'][data-split='{split}']"
    spot = find_point(page, first)
    check(spot is not None, "hovering shows a tooltip")
    if spot:
        tip = page.text_content("#tooltip")
        print("  tooltip:", tip)
        check(re.match(r"example \d+ · true: .+ · predicted: .+ \(\d\.\d\d\)$", tip) is not None, "tooltip format")
        page.screenshot(path=f"{shots}hover.png")
        page.mouse.click(*spot)
        example = page.get_attribute("#pinned", "data-example")
        check(bool(example), f"click pins example {example}")
        pinned = page.eval_on_selector_all("canvas.panel", "cs => cs.map(c => [c.dataset.run, c.dataset.split, c.dataset.pinned])")
        print("  pinned rings", pinned)
        check(all(p[2] == example for p in pinned if p[1] == split), f"the example is ringed in every {split} panel")
        check(all(not p[2] for p in pinned if p[1] != split), "and in no panel of other splits")
        check(page.locator("#pinned tbody tr").count() == len(runs), "pinned details: a row a run")
        page.mouse.move(spot[0] + 200, spot[1] + 200)
        page.screenshot(path=f"{shots}pinned.png", full_page=True)
        box = page.locator(first).bounding_box()
        page.mouse.click(box["x"] + 36, box["y"] + 8)   # the plot's top-left corner: empty
        check(page.get_attribute("#pinned", "data-example") == "", "click on empty space unpins")

    # axes and downloads
    key = ",".join(map(str, current if not session["suggestions"] else page.evaluate("location.hash").split("=")[1].split(",")))
    page.select_option("#axes", "shared")
    page.wait_for_timeout(100)
    check(page.get_attribute("#download", "href").endswith("&axes=shared"), "download follows the axes")
    check(" --axes shared --out compare.png" in page.input_value("#command"), "command has --axes shared")
    page.select_option("#download-format", "svg")
    check(page.get_attribute("#download", "download").endswith(".svg") and "format=svg" in page.get_attribute("#download", "href"), "format svg")
    page.screenshot(path=f"{shots}shared.png", full_page=True)
    response = page.request.get(page.evaluate("document.querySelector('#download').href"))
    check(response.ok and "attachment" in response.headers.get("content-disposition", ""), "the download link answers an attachment")
    page.select_option("#axes", "independent")
    page.select_option("#download-format", "png")

    # copy command (clipboard may be refused headless: then the input is selected)
    page.click("#copy-command")
    page.wait_for_timeout(100)
    label = page.text_content("#copy-command")
    check(label in ("Copied", "Press Ctrl+C"), f"copy feedback '{label}'")

    # calibration
    page.click("#tab-calibration")
    page.wait_for_function("() => document.querySelector('#calibration-table').dataset.loaded === 'true'", timeout=60000)
    page.wait_for_function("() => document.querySelector('#calibration-img').complete && document.querySelector('#calibration-img').naturalWidth > 0", timeout=60000)
    check(page.locator("#calibration-table tbody tr").count() == len(runs), "calibration table: a row a run")
    check(page.locator("#view-planes").is_hidden(), "planes hidden on the calibration tab")
    page.screenshot(path=f"{shots}calibration.png", full_page=True)
    page.click("#tab-planes")
    check(page.locator("canvas.panel").first.is_visible(), "back to the planes")

    # the hash is honoured on load, through the cookie, without the query
    last = [K - 3, K - 2, K - 1]
    page.goto(url.split("?")[0] + "#classes=" + ",".join(map(str, last)))
    ready(page)
    check(triplet_inputs(page) == [names[i] for i in last], "hash honoured on load (cookie, no query)")

    problems = bad(log)
    # an error answer (faked by intercepting the request): shown in #status, old panels gone
    wrong = [0, 1, 2] if last != [0, 1, 2] else [0, 1, 3]
    page.route(f"**/api/panels?classes={','.join(map(str, wrong))}",
               lambda route: route.fulfill(status=400, content_type="application/json",
                                           body=json.dumps({"error": "test: the templates span no plane"})))
    page.evaluate(f"() => {{ location.hash = '#classes={','.join(map(str, wrong))}'; }}")
    page.wait_for_function("() => document.body.dataset.state === 'error'")
    status = page.text_content("#status")
    check(status == "test: the templates span no plane" and page.locator("#status").is_visible(), f"error shown in #status: {status}")
    check(page.locator("canvas.panel").count() == 0, "no stale panels after an error")
    page.screenshot(path=f"{shots}error.png")
    context.close()
    return problems


def download_is_compare(browser, url, penviz, shots):
    """The page's SVG download, through its own link, against `penviz compare` run as the
    page's "copy command" line says, in a fresh folder: the same bytes."""
    print("download against penviz compare")
    context, page, log = opened(browser, url, accept_downloads=True)
    page.select_option("#download-format", "svg")
    with page.expect_download(timeout=120000) as info:
        page.click("#download")
    download = info.value
    folder = tempfile.mkdtemp(prefix="penviz-browser-")
    served = os.path.join(folder, "served.svg")
    download.save_as(served)
    check(download.suggested_filename == page.get_attribute("#download", "download"), f"saved as {download.suggested_filename}")
    command = page.input_value("#command")
    check(command.endswith(" --out compare.svg"), f"the command writes compare.svg: {command}")
    # Let the shell itself read the line the page gives, with penviz at its path.
    result = subprocess.run(["sh", "-c", 'penviz() { "$PENVIZ" "$@"; }; ' + command], cwd=folder,
                            env={**os.environ, "PENVIZ": penviz}, capture_output=True, text=True)
    check(result.returncode == 0, f"the copied command runs: {result.stderr.strip()}")
    with open(served, "rb") as a, open(os.path.join(folder, "compare.svg"), "rb") as b:
        check(a.read() == b.read(), "the downloaded SVG has the bytes penviz compare writes")
    check(page.text_content("#status") == "", "the status line is clear once the file is saved")
    problems = bad(log)
    # A figure the server cannot draw (faked; the browser logs the 400): the page says so, and saves nothing.
    page.route("**/api/figure?*", lambda route: route.fulfill(
        status=400, content_type="application/json", body=json.dumps({"error": "test: no figure"})))
    page.click("#download")
    page.wait_for_function("() => document.querySelector('#status').textContent.includes('test: no figure')")
    check(page.text_content("#status") == "The figure could not be drawn: test: no figure", "a failed download is said in #status")
    context.close()
    return problems


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_npy(path, dtype, shape, values):
    """An .npy file (format 1.0) of `values` packed with struct format `dtype` ('<f4', '<i8' or '<U24')."""
    header = "{'descr': '%s', 'fortran_order': False, 'shape': %r, }" % (dtype, tuple(shape))
    header += " " * (63 - (10 + len(header)) % 64) + "\n"
    if dtype.startswith("<U"):
        width = int(dtype[2:])
        data = b"".join(value.ljust(width, "\0").encode("utf-32-le") for value in values)
    else:
        data = struct.pack("<%d%s" % (len(values), {"<f4": "f", "<i8": "q"}[dtype]), *values)
    with open(path, "wb") as file:
        file.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode("latin-1") + data)


def thousand_class_run(folder):
    """A run of K = 1000 classes with ImageNet-like names (commas, "crane" twice), D = 4,
    three val examples a class around its template: enough to pick triplets among 1.66e8."""
    generator = random.Random(1000)
    k, d = 1000, 4
    names = [f"class {i:03d}" for i in range(k)]
    names[0], names[134], names[517] = "tench, Tinca tinca", "crane", "crane"  # as ImageNet's list has them
    weight = [generator.gauss(0, 1) for _ in range(k * d)]
    labels = [i % k for i in range(3 * k)]
    features = [3 * weight[y * d + j] + generator.gauss(0, 0.3) for y in labels for j in range(d)]
    os.makedirs(folder, exist_ok=True)
    write_npy(os.path.join(folder, "weight.npy"), "<f4", (k, d), weight)
    write_npy(os.path.join(folder, "bias.npy"), "<f4", (k,), [0.0] * k)
    write_npy(os.path.join(folder, "class_names.npy"), "<U24", (k,), names)
    write_npy(os.path.join(folder, "val_features.npy"), "<f4", (3 * k, d), features)
    write_npy(os.path.join(folder, "val_labels.npy"), "<i8", (3 * k,), labels)
    return names


def k1000(browser, url, names, shots):
    """K = 1000: type-ahead by id and by name (a name with a comma, a name two classes share,
    which penviz names with their ids)."""
    print(f"K = 1000 session at {url}")
    context, page, log = opened(browser, url)
    session = session_of(page)
    check(len(session["classes"]) == 1000, "1000 classes")
    check(page.locator("button.suggestion").count() == 20, "ten suggestions of each kind")
    page.click("#class-b")
    page.keyboard.press("Control+A")
    page.keyboard.type("417")
    first = page.locator("#class-b-matches li[data-id]").first
    check(first.get_attribute("data-id") == "417", "typing 417 lists class 417 first")
    check(page.locator("#class-b-matches li[data-id]").count() <= 50, "at most 50 matches listed")
    page.screenshot(path=f"{shots}k1000-typeahead.png")
    page.keyboard.press("Enter")
    ready(page)
    check(page.input_value("#class-b") == names[417], f"box b shows {names[417]}")
    page.click("#class-a")
    page.keyboard.press("Control+A")
    page.keyboard.type("tinca")
    check(page.locator("#class-a-matches li[data-id]").first.get_attribute("data-id") == "0", "'tinca' finds 'tench, Tinca tinca'")
    page.keyboard.press("Enter")
    ready(page)
    check(page.input_value("#class-a") == "tench, Tinca tinca", "a name with a comma is taken whole")
    page.fill("#class-c", "crane")
    ids = page.eval_on_selector_all("#class-c-matches li[data-id]", "items => items.map(i => i.dataset.id)")
    check(ids == ["134", "517"], f"both cranes are listed, in id order: {ids}")
    check(session["classes"][134] == "crane (134)", "a shared name is made distinct by the id")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    ready(page)
    check(page.evaluate("location.hash") == "#classes=0,417,517", "the second crane picked: " + page.evaluate("location.hash"))
    check(all(int(c.get_attribute("data-points")) == 9 for c in page.locator("canvas.panel").all()), "3 examples a class drawn")
    check(page.input_value("#command").endswith("--classes 0,417,517 --out compare.png"), "the command names the classes by id")
    page.screenshot(path=f"{shots}k1000.png", full_page=True)
    context.close()
    return bad(log)


class Serving:
    """`penviz serve RUNS --labels a,b` on a free port, its URL read from its output; stopped with Ctrl-C."""

    def __init__(self, penviz, runs, labels):
        self.server = subprocess.Popen([penviz, "serve", *runs, "--labels", labels, "--port", str(free_port())],
                                       stdout=subprocess.PIPE, text=True)
        self.url = None
        for line in self.server.stdout:
            found = re.search(r"(http://\S+token=[0-9a-f]{32})", line)
            if found:
                self.url = found.group(1)
                break
        if not self.url:
            self.server.wait()
            sys.exit(f"penviz serve {' '.join(runs)} ended without printing its URL")

    def stop(self):
        self.server.send_signal(2)
        status = self.server.wait(timeout=30)
        check(status == 0, f"Ctrl-C ends penviz serve with status 0 (got {status})")


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser()
    parser.add_argument("--penviz", required=True, help="the built penviz")
    parser.add_argument("--shots", default=tempfile.mkdtemp(prefix="penviz-shots-"), help="folder for the screenshots")
    args = parser.parse_args()
    os.makedirs(args.shots, exist_ok=True)
    shots = os.path.join(args.shots, "page-")
    thousand = os.path.join(tempfile.mkdtemp(prefix="penviz-k1000-"), "run")
    names = thousand_class_run(thousand)
    servers = []
    try:
        servers.append(Serving(args.penviz, [os.path.join(repo, "examples/fashion-mnist", name) for name in ("hard.npz", "smoothed.npz")],
                               "hard,smoothed"))
        servers.append(Serving(args.penviz, [thousand, thousand], "a,b"))
        examples, large = servers
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            problems = k10(browser, examples.url, shots)
            problems += k10(browser, examples.url, shots, scale=2)
            problems += download_is_compare(browser, examples.url, args.penviz, shots)
            problems += k1000(browser, large.url, names, shots)
            browser.close()
    finally:
        for server in servers:
            server.stop()
    print("console errors/warnings in normal use:", problems or "none")
    if problems:
        failures.append("console: " + repr(problems))
    print(f"screenshots in {args.shots}")
    print("FAILURES:" if failures else "all checks passed", *failures, sep="\n  ")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
