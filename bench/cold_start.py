"""Cold start: from ``streamlit run`` to /_stcore/health, and to the first finished page in Chromium.

Method
------
Headless Debian Chromium is launched first (not counted). Then, REPEATS times, a fresh
``streamlit run streamlit_app.py`` starts on 127.0.0.1 and the clock runs from the
``Popen`` call: (1) until ``/_stcore/health`` answers 200 (polled every 20 ms), (2) until
a new browser page that opened the home page right after (1) shows
``[data-testid=stApp][data-test-script-state=notRunning]`` and the page title (the
first script run, which imports the app, loads and validates the content and runs the
router's handover, has finished and been painted). Also reported: the first deep link
(``/ramp``) on another fresh server, which goes through the router handover.

Run: ``.venv/bin/python bench/cold_start.py [repeats]``
"""

from __future__ import annotations

import shutil
import sys
import time

from _lib import Server, median, ms
from playwright.sync_api import sync_playwright

REPEATS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
READY = "[data-testid=stApp][data-test-script-state=notRunning]"


def main() -> None:
    """Print cold-start medians."""
    health: list[float] = []
    first_page: list[float] = []
    deep_link: list[float] = []
    path = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        for i in range(REPEATS):
            for target, bucket in (("", first_page), ("ramp", deep_link)):
                with Server() as srv:
                    if target == "":
                        health.append(srv.healthy_after)
                    page = browser.new_page(viewport={"width": 390, "height": 844})
                    page.goto(f"{srv.url}/{target}")
                    page.wait_for_selector(f"{READY} h1", timeout=60_000)
                    bucket.append(time.perf_counter() - srv.started)
                    page.close()
            print(
                f"run {i + 1}: health {ms(health[-1])}, home {ms(first_page[-1])}, /ramp {ms(deep_link[-1])}"
            )
        browser.close()
    print(
        f"\nSUMMARY cold_start: health {ms(median(health))}, first home page {ms(median(first_page))}, "
        f"first deep link {ms(median(deep_link))} (median of {REPEATS})"
    )


if __name__ == "__main__":
    main()
