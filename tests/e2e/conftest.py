"""End-to-end fixtures: a real ``streamlit run`` on a free port and Debian's Chromium.

Every test here is marked ``e2e``; each file's tests stay on one xdist worker (group
``e2e-<file>``), and each worker starts one server and one browser for its session.
Screenshots go to ``tests/e2e/artifacts/screenshots/`` (gitignored) for review; the
gallery in ``docs/screenshots/`` (used by the README) is refreshed only on request:
``KNEE_UPDATE_SCREENSHOTS=1 bash tests/run.sh -m e2e``.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "tests" / "e2e" / "artifacts" / "screenshots"
"""Every test run's screenshots, for review (gitignored)."""
GALLERY = ROOT / "docs" / "screenshots"
"""The committed screenshots the README shows; written only when UPDATE_SCREENSHOTS is set."""
UPDATE_SCREENSHOTS = "KNEE_UPDATE_SCREENSHOTS"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/e2e and keep each file's tests on one worker.

    A worker starts its own server and browser (session fixtures) the first time it runs an
    e2e test, so different files may run on both workers at once and the suite stays short.
    """
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.xdist_group(f"e2e-{Path(str(item.fspath)).stem}"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A running ``streamlit run streamlit_app.py`` on loopback."""

    def __init__(self, env: dict[str, str] | None = None, log: Path | None = None) -> None:
        """Start on a free port; the server's output goes to ``log`` when given, else nowhere."""
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        streamlit = str(Path(sys.executable).with_name("streamlit"))
        # A pipe that nobody reads would stall the server once its buffer fills: use a file.
        self._out = open(log, "wb") if log else subprocess.DEVNULL  # closed in stop()
        self.proc = subprocess.Popen(
            [
                streamlit,
                "run",
                "streamlit_app.py",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                # as in production (Dockerfile): no file watcher, so an edit made in the
                # working tree during a test run does not reload modules under the tests
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=self._out,
            stderr=self._out,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("streamlit did not become healthy in 60 s")

    def stop(self) -> None:
        """Stop the server and close its log."""
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self._out is not subprocess.DEVNULL:
            self._out.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium (installed by tests/run.sh)."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    """One app server for the e2e session."""
    srv = Server()
    yield srv
    srv.stop()


FOOTER = (
    "[data-testid=stMain] [data-testid=stElementContainer]:has(hr)"
    " + [data-testid=stElementContainer]:last-child [data-testid=stCaptionContainer]"
)
"""The disclaimer line that every page renders last (``pages.ui.footer``)."""

# True once the script run is over: the app root says "notRunning", no element is left
# stale from an earlier run, ``expect`` (a CSS selector) is on the page, and the run state
# has not changed for ``quiet`` ms, counted from the later of its last change and the call.
# Why the quiet time: a run stopped by st.rerun() shows "notRunning" for a moment before
# the next run starts, and after a click the state changes only once the server answers
# (the browser does not mark a widget's rerun as requested). A MutationObserver, installed
# on the first call in each document, timestamps every change of the state attribute so
# none slips between polls; ``call`` tells one wait_for_app call from the next.
_SETTLED = """([expect, quiet, call]) => {
  const w = window;
  const now = performance.now();
  if (!w.__kneeRun) {
    w.__kneeRun = {changed: now};
    new MutationObserver(() => { w.__kneeRun.changed = performance.now(); }).observe(
      document.documentElement,
      {subtree: true, attributes: true, attributeFilter: ["data-test-script-state"]});
  }
  if (w.__kneeRun.call !== call) { w.__kneeRun.call = call; w.__kneeRun.called = now; }
  const app = document.querySelector("[data-testid=stApp]");
  if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  if (document.querySelector("[data-stale=true]")) return false;
  if (document.querySelector("[data-testid=stSkeleton]")) return false;  // a widget still loading
  if (expect && !document.querySelector(expect)) return false;
  return now - Math.max(w.__kneeRun.changed, w.__kneeRun.called) >= quiet;
}"""
_CALLS = itertools.count()
_SEEN = """(expect) => {
  const app = document.querySelector("[data-testid=stApp]");
  const stale = [...document.querySelectorAll("[data-stale=true]")];
  return {
    state: app && app.getAttribute("data-test-script-state"),
    expected: expect, found: !expect || !!document.querySelector(expect),
    stale: stale.length, first_stale: stale.length ? stale[0].innerText.slice(0, 80) : null,
    skeletons: document.querySelectorAll("[data-testid=stSkeleton]").length,
    ms_since_change: window.__kneeRun ? Math.round(performance.now() - window.__kneeRun.changed) : null,
  };
}"""


def wait_for_app(page: Page, timeout: float = 30_000, expect: str | None = FOOTER, quiet: int = 300) -> None:
    """Wait until Streamlit's script run is over and the page it drew is complete.

    Parameters
    ----------
    page: the browser tab.
    timeout: how long to wait in ms before failing.
    expect: a CSS selector the finished page shows (default: the footer every page draws
        last; pass None for a page without one, such as the maintenance message).
    quiet: how long in ms the run state must stay unchanged (and the least the call takes).
    """
    try:
        page.wait_for_function(_SETTLED, arg=[expect, quiet, next(_CALLS)], timeout=timeout, polling=50)
    except PlaywrightTimeoutError:
        seen = page.evaluate(_SEEN, expect)
        raise AssertionError(f"the app did not settle in {timeout:.0f} ms at {page.url}: {seen}") from None


def open_page(browser: Browser, url: str, viewport: dict[str, int] | None = None) -> Page:
    """A new page at ``url`` with the app's script finished."""
    page = browser.new_page(viewport=viewport or PHONE)  # type: ignore[arg-type]
    page.goto(url)
    wait_for_app(page)
    return page


def horizontal_overflow(page: Page) -> int:
    """How many pixels the main area scrolls sideways (0 when nothing is cut off)."""
    return int(
        page.evaluate(
            "() => { const m = document.querySelector('[data-testid=stMain]') || document.documentElement;"
            " return Math.max(m.scrollWidth - m.clientWidth,"
            " document.documentElement.scrollWidth - document.documentElement.clientWidth); }"
        )
    )


def screenshot(page: Page, name: str, element: Locator | None = None) -> Path:
    """Save a full-page screenshot for review; also refresh the README gallery on request.

    Parameters
    ----------
    page: the browser tab.
    name: the file stem.
    element: shoot only this element instead of the full page.

    Returns
    -------
    The path under tests/e2e/artifacts/screenshots/. With ``KNEE_UPDATE_SCREENSHOTS=1``
    the same image is copied to docs/screenshots/<name>.png.
    """
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    if element is None:
        page.screenshot(path=str(path), full_page=True)
    else:
        element.screenshot(path=str(path))
    if os.environ.get(UPDATE_SCREENSHOTS) == "1":
        GALLERY.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, GALLERY / path.name)
    return path
