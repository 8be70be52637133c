"""What tests/e2e's wait_for_app costs per call on a page whose run is already over.

The helper waits until the run state has stayed "notRunning" for ``quiet`` ms (300), so a
call costs at least that much; this measures the rest (polling, browser round trips) in
headless Chromium on a static stand-in of Streamlit's DOM, next to the earlier helper
(wait for "notRunning", sleep 300 ms, wait again) for comparison. No server is started.

Printed: median and p95 in ms over 40 calls each, and a SUMMARY line.
Run: ``.venv/bin/python bench/e2e_wait.py``
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() not in (ROOT, ROOT / "bench")]

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from bench._lib import median, p95  # noqa: E402
from tests.e2e.conftest import CHROMIUM_ARGS, FOOTER, wait_for_app  # noqa: E402

PAGE = (
    '<div data-testid="stApp" data-test-script-state="notRunning"><div data-testid="stMain">'
    '<div data-testid="stElementContainer" data-stale="false"><hr></div>'
    '<div data-testid="stElementContainer" data-stale="false">'
    '<div data-testid="stCaptionContainer"><p>footer</p></div></div></div></div>'
)
CALLS = 40


def earlier_helper(page: Page) -> None:
    """The helper before this change, for comparison."""
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=30_000)
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=30_000)


def timed(page: Page, helper: object) -> list[float]:
    """Seconds per call, CALLS times."""
    out = []
    for _ in range(CALLS):
        start = time.perf_counter()
        helper(page)  # type: ignore[operator]
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    """Measure both helpers, alternating, and print the figures."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_content(PAGE)
        assert page.locator(FOOTER).count() == 1
        figures = {"wait_for_app": timed(page, wait_for_app), "earlier": timed(page, earlier_helper)}
        figures["wait_for_app"] += timed(page, wait_for_app)
        figures["earlier"] += timed(page, earlier_helper)
        browser.close()
    for name, values in figures.items():
        print(f"{name:13} median {median(values) * 1000:6.1f} ms   p95 {p95(values) * 1000:6.1f} ms")
    new, old = figures["wait_for_app"], figures["earlier"]
    print(
        f"\nSUMMARY e2e_wait: wait_for_app median {median(new) * 1000:.0f} ms (p95 {p95(new) * 1000:.0f}), "
        f"earlier helper median {median(old) * 1000:.0f} ms (p95 {p95(old) * 1000:.0f}) per call (settled)"
    )


if __name__ == "__main__":
    main()
