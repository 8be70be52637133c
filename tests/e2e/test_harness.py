"""The e2e helpers themselves: wait_for_app waits for the whole run, screenshots stay out of git."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e import conftest as harness
from tests.e2e.conftest import FOOTER, screenshot, wait_for_app

# A stand-in for Streamlit's DOM: the app root with its run state, a main area, and the
# divider plus caption that pages.ui.footer draws last.
SHELL = """
<div data-testid="stApp" data-test-script-state="{state}">
  <div data-testid="stMain"><div id="block">{body}</div></div>
</div>
"""
FOOTER_HTML = (
    '<div data-testid="stElementContainer" data-stale="false"><hr></div>'
    '<div data-testid="stElementContainer" data-stale="{stale}">'
    '<div data-testid="stCaptionContainer"><p>Knee Compass</p></div></div>'
)


def _page(browser: Browser, state: str, body: str) -> Page:
    page = browser.new_page()
    page.set_content(SHELL.format(state=state, body=body))
    return page


def _later(page: Page, ms: int, script: str) -> None:
    page.evaluate(f"() => setTimeout(() => {{ {script} }}, {ms})")


def _set_state(state: str) -> str:
    return f"document.querySelector('[data-testid=stApp]').setAttribute('data-test-script-state', '{state}');"


def test_waits_through_the_gap_of_a_rerun(browser: Browser) -> None:
    """A long "notRunning" moment between a stopped run and its rerun does not end the wait."""
    page = _page(browser, "notRunning", "")  # the first run stopped for st.rerun(), drew nothing
    _later(page, 500, _set_state("running"))
    footer = "document.getElementById('block').innerHTML = `" + FOOTER_HTML.format(stale="false") + "`;"
    _later(page, 900, footer + _set_state("notRunning"))
    wait_for_app(page, timeout=5_000)
    assert page.locator(FOOTER).count() == 1
    assert page.get_attribute("[data-testid=stApp]", "data-test-script-state") == "notRunning"
    page.close()


def test_run_state_must_stay_quiet(browser: Browser) -> None:
    """After the run state changes, the wait lasts at least ``quiet`` ms before it returns."""
    page = _page(browser, "running", FOOTER_HTML.format(stale="false"))
    _later(page, 100, _set_state("notRunning") + "window.__finished = performance.now();")
    wait_for_app(page, timeout=5_000, quiet=600)
    assert page.evaluate("() => performance.now() - window.__finished") >= 600
    page.close()


def test_waits_for_the_server_to_answer_a_click(browser: Browser) -> None:
    """After a click the page reads "notRunning" until the server starts the rerun: that is waited for."""
    page = _page(browser, "notRunning", FOOTER_HTML.format(stale="false"))
    wait_for_app(page, timeout=5_000)  # the first wait of this document; then time passes
    page.wait_for_timeout(500)
    _later(page, 200, _set_state("running"))  # the server answers the click
    _later(page, 500, _set_state("notRunning") + "window.__rerun = true;")
    wait_for_app(page, timeout=5_000)
    assert page.evaluate("() => window.__rerun === true")
    page.close()


def test_waits_for_stale_elements_to_go(browser: Browser) -> None:
    """Elements left stale from an earlier run mean the page is not finished."""
    page = _page(browser, "notRunning", FOOTER_HTML.format(stale="true"))
    _later(page, 400, "document.querySelector('[data-stale=true]').setAttribute('data-stale', 'false');")
    wait_for_app(page, timeout=5_000)
    assert page.locator("[data-stale=true]").count() == 0
    page.close()


def test_waits_for_widget_skeletons_to_go(browser: Browser) -> None:
    """A widget still drawn as a loading skeleton (its code not loaded yet) means the page is not finished."""
    skeleton = '<div data-testid="stSkeleton"></div>'
    page = _page(browser, "notRunning", skeleton + FOOTER_HTML.format(stale="false"))
    _later(page, 400, "document.querySelector('[data-testid=stSkeleton]').remove(); window.__loaded = true;")
    wait_for_app(page, timeout=5_000)
    assert page.evaluate("() => window.__loaded === true")
    page.close()


def test_times_out_without_the_expected_element(browser: Browser) -> None:
    """A finished run without the footer (or the element asked for) is reported, not accepted."""
    page = _page(browser, "notRunning", "<h1>Paused</h1>")
    with pytest.raises(AssertionError, match="did not settle"):
        wait_for_app(page, timeout=1_000)
    wait_for_app(page, timeout=2_000, expect="h1")  # a page without a footer names what it shows
    page.close()


def test_screenshots_stay_out_of_the_gallery(browser: Browser, tmp_path: Path, monkeypatch) -> None:
    """A normal run saves screenshots for review only; the README gallery changes on request."""
    monkeypatch.setattr(harness, "SHOTS", tmp_path / "artifacts")
    monkeypatch.setattr(harness, "GALLERY", tmp_path / "gallery")
    page = _page(browser, "notRunning", FOOTER_HTML.format(stale="false"))
    monkeypatch.delenv(harness.UPDATE_SCREENSHOTS, raising=False)
    shot = screenshot(page, "plain")
    assert shot == tmp_path / "artifacts" / "plain.png"
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert not (tmp_path / "gallery").exists()
    monkeypatch.setenv(harness.UPDATE_SCREENSHOTS, "1")
    screenshot(page, "asked", element=page.locator(FOOTER))
    assert (tmp_path / "gallery" / "asked.png").read_bytes() == (
        tmp_path / "artifacts" / "asked.png"
    ).read_bytes()
    assert not (tmp_path / "gallery" / "plain.png").exists()
    page.close()


def test_screenshot_folder_is_ignored_by_git() -> None:
    """The review folder sits under a path .gitignore names, so test runs leave the tree clean."""
    ignored = (harness.ROOT / ".gitignore").read_text().split()
    relative = harness.SHOTS.relative_to(harness.ROOT).as_posix()
    assert any(relative.startswith(line.rstrip("/") + "/") for line in ignored if line.endswith("/"))


def test_server_runs_without_file_watcher(server) -> None:
    """The test server runs like production, with no file watcher that would reload edited modules mid-run."""
    args = list(server.proc.args)
    assert args[args.index("--server.fileWatcherType") + 1] == "none"
