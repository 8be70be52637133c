"""Privacy in a real browser: nothing leaves 127.0.0.1, and answers never reach the server's log."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from pages.ui.routing import PAGE_FILES
from tests.e2e.conftest import DESKTOP, PHONE, Server, wait_for_app

PATHS = {slug: ("" if slug == "home" else name.removesuffix(".py")) for slug, name in PAGE_FILES.items()}
MARKER = "kc7privatemarker"
TEXT_FIELDS = "[data-testid=stTextInput] input:visible, [data-testid=stTextArea] textarea:visible"
NUMBER_FIELDS = "[data-testid=stNumberInput] input:visible"


def open_expanders(page) -> None:
    """Open every closed expander so that lazily loaded content is fetched too."""
    for summary in page.locator("[data-testid=stExpander] summary").all():
        if summary.is_visible():
            summary.click()
    wait_for_app(page)


def test_every_request_stays_on_loopback(browser, server) -> None:
    """Every page (expanders open) requests nothing outside 127.0.0.1: no fonts, icons or telemetry."""
    requests: list[str] = []
    sockets: list[str] = []
    for viewport in (PHONE,):
        context = browser.new_context(viewport=viewport)
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.on("websocket", lambda ws: sockets.append(ws.url))
        for path in PATHS.values():
            page.goto(f"{server.url}/{path}")
            wait_for_app(page)
            open_expanders(page)
        context.close()
    outside = [u for u in requests + sockets if urlparse(u).scheme not in ("data", "blob")]
    outside = [u for u in outside if urlparse(u).hostname != "127.0.0.1"]
    assert len(requests) > 20  # the recording really saw the page load
    assert sockets
    assert outside == []


def fill_everything(page) -> int:
    """Type the marker into every text field and a number into every number field; count them."""
    typed = 0
    for field in page.locator(TEXT_FIELDS).all():
        field.fill(MARKER)
        field.press("Enter")
        wait_for_app(page)
        typed += 1
    for field in page.locator(NUMBER_FIELDS).all():
        field.fill("7")
        field.press("Enter")
        wait_for_app(page)
    for button in page.locator("[data-testid=stFormSubmitButton] button:visible").all():
        button.click()
        wait_for_app(page)
    return typed


def test_answers_never_reach_the_server_log(browser, tmp_path: Path) -> None:
    """Answers typed on every page appear nowhere in the server's output, which also shows no traceback."""
    log = tmp_path / "server.log"
    srv = Server(log=log)
    typed = 0
    try:
        page = browser.new_page(viewport=DESKTOP)
        for path in PATHS.values():
            page.goto(f"{srv.url}/{path}")
            wait_for_app(page)
            typed += fill_everything(page)
        page.close()
    finally:
        srv.stop()
    text = log.read_text(encoding="utf-8", errors="replace")
    assert typed >= 1  # at least one page has a text field (the search box)
    assert MARKER not in text
    assert "Traceback" not in text
