"""The ramp page in Chromium: phone fit, share link in a fresh browser, every download opens."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from icalendar import Calendar
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from tests.e2e.conftest import DESKTOP, PHONE, horizontal_overflow, open_page, screenshot, wait_for_app

# made today (m=), so the page shows the plan without the old-link note (tested elsewhere)
LINK = f"/ramp?w=2&p=1&f=20&v=200&r=4&c=itbs&d=2026-11-20&u=mi&m={dt.date.today():%Y%m%d}"


def card_text(page: Page) -> str:
    """The plan card's written text (the chart is left out: it draws as it loads)."""
    return "\n".join(page.locator(".st-key-ramp-card [data-testid=stMarkdownContainer]").all_inner_texts())


def open_tab(page: Page, label: str) -> None:
    """Click a tab by its label and wait for the app (a tab is drawn when it opens: a rerun)."""
    page.get_by_role("tab", name=label).click()
    page.wait_for_timeout(300)
    wait_for_app(page)


def test_phone_and_desktop_fit(browser: Browser, server) -> None:
    """At 390 px and 1280 px the page has no sideways scroll and shows the card."""
    for name, size in (("ramp-phone", PHONE), ("ramp-desktop", DESKTOP)):
        page = open_page(browser, server.url + LINK, size)
        assert horizontal_overflow(page) == 0
        assert "Walk-run 6" in card_text(page)
        screenshot(page, name)
        page.set_viewport_size({"width": size["width"], "height": 2400})
        screenshot(page, f"{name}-card", element=page.locator(".st-key-ramp-card"))
        page.close()


def test_share_link_opens_the_same_plan_in_a_fresh_browser(browser: Browser, server) -> None:
    """The link made by the share button, opened in a new browser context, shows the same card."""
    page = open_page(browser, server.url + LINK)
    before = card_text(page)
    open_tab(page, "💾 Save")
    page.locator(".st-key-ramp-share button").click()
    wait_for_app(page)
    url = page.locator("[data-testid=stCode]").inner_text().strip()
    assert "d=2026-11-20" in url
    context = browser.new_context(viewport=PHONE)  # type: ignore[arg-type]
    fresh = context.new_page()
    fresh.goto(url if url.startswith("http") else server.url + url)
    wait_for_app(fresh)
    assert card_text(fresh) == before
    context.close()
    page.close()


def download(page: Page, label: str, folder: Path) -> bytes:
    """Click a download button and return the file's bytes."""
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_bytes()


def test_every_download_opens_and_matches(browser: Browser, server, tmp_path: Path) -> None:
    """PNG, PDF, ics and CSV downloads are valid files that match the plan on screen."""
    page = open_page(browser, server.url + LINK, DESKTOP)
    open_tab(page, "📋 Weeks")
    weeks = page.locator("[data-testid=stDataFrame]").first
    assert weeks.is_visible()
    open_tab(page, "💾 Save")
    png = download(page, "🖼️ Plan card (PNG)", tmp_path)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pdf = download(page, "📄 Plan (PDF)", tmp_path)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Walk-run 6" in text
    rows = list(csv.DictReader(io.StringIO(download(page, "📊 Plan (CSV)", tmp_path).decode())))
    assert rows[0]["date"] == "2026-11-20"
    assert len(rows) % 7 == 0
    events = [c for c in Calendar.from_ical(download(page, "📅 Calendar (.ics)", tmp_path)).walk("VEVENT")]
    assert len(events) == len(rows)
    assert str(events[0].decoded("dtstart")) == "2026-11-20"
    page.close()


def upload(page: Page, name: str, text: str) -> None:
    """Upload a CSV through the log's file uploader."""
    chooser = page.locator(".st-key-ramp-log_upload input[type=file]")
    chooser.set_input_files({"name": name, "mimeType": "text/csv", "buffer": text.encode()})
    page.wait_for_timeout(500)
    wait_for_app(page)


def test_log_upload_names_bad_cells_and_adapts_the_plan(browser: Browser, server) -> None:
    """A bad log CSV is refused naming row and column; a good one is taken and shown on the card."""
    page = open_page(browser, server.url + LINK, DESKTOP)
    open_tab(page, "✍️ Log")
    upload(page, "bad.csv", "date,pain_during\n2026-11-20,12\n")
    assert "row 2, column pain_during" in page.locator("[data-testid=stAlert]").all_inner_texts()[-1]
    upload(page, "good.csv", "date,done,pain_during,pain_next_morning,swelling\n2026-11-20,yes,2,1,yes\n")
    assert "1 sessions logged" in page.locator(".st-key-ramp-card").inner_text()
    page.close()
