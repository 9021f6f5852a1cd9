"""The explorer page's own timings in headless Chromium, for bench/serve_measure.py:

    python bench/serve_browser.py URL K

loads the page at URL, then shows 20 seeded random triplets of K classes in turn (through
the page's hash, as its Back button does) and prints, as JSON, each one's fetch and draw
times and points, read from window.penvizStats.
"""
import json
import random
import sys

from playwright.sync_api import sync_playwright

url, classes = sys.argv[1], int(sys.argv[2])
generator = random.Random(22)
stats = {"fetchMs": [], "drawMs": [], "points": []}
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type in ("error", "warning") else None)
    page.goto(url)
    page.wait_for_function("() => document.body.dataset.state === 'ready'", timeout=120000)
    for _ in range(20):
        triplet = ",".join(map(str, generator.sample(range(classes), 3)))
        # The stats are cleared first, so that the wait ends on this triplet's, not the last one's.
        page.evaluate(f"() => {{ window.penvizStats = null; location.hash = '#classes={triplet}'; }}")
        page.wait_for_function("() => document.body.dataset.state === 'ready' && window.penvizStats", timeout=60000)
        shown = page.evaluate("() => window.penvizStats")
        for key in stats:
            stats[key].append(shown[key])
    browser.close()
if errors:
    sys.exit(f"the page logged errors: {errors}")
print(json.dumps(stats))
