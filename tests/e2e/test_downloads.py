"""Every download the app offers, fetched in a real browser and checked by its format.

The test visits every page in its first state, the checker's result (reached by clicking
through) and clinician mode, clicks every download button it finds and validates the file:
PDF (parses, carries the clinic header and the disclaimer footer on every page), PNG
(signature and size), CSV (rows of equal width), ICS (a calendar with dated events), WAV
(a readable audio file). New downloads on any page are covered without editing this file.
"""

from __future__ import annotations

import csv
import io
import json
import re
import struct
import wave
from pathlib import Path

from icalendar import Calendar
from pypdf import PdfReader

from pages.ui.routing import PAGE_FILES
from tests.e2e.conftest import DESKTOP, ROOT, open_page, wait_for_app

PATHS = {slug: ("" if slug == "home" else name.removesuffix(".py")) for slug, name in PAGE_FILES.items()}
BUTTONS = "[data-testid=stDownloadButton] button:visible"
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"


def words(text: str) -> list[str]:
    """Lower-case words of at least 5 letters (robust to PDF line breaks and latin-1 mapping)."""
    return re.findall(r"[a-z]{5,}", text.lower())


def check_pdf(data: bytes, content) -> None:
    """The PDF parses, and every page shows the clinic and the disclaimer."""
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    disclaimer = words(content.site.app.disclaimer)[:6]
    for number, page in enumerate(reader.pages, 1):
        text = " ".join(words(page.extract_text() or ""))
        assert all(w in text for w in disclaimer), f"page {number} lacks the disclaimer"
        assert " ".join(words(content.site.clinic.name)) in text, f"page {number} lacks the clinic"


def check_png(data: bytes) -> None:
    """A PNG with a non-empty image header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width > 50
    assert height > 50


def check_csv(data: bytes) -> None:
    """A CSV with a header and rows of the same width."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) >= 2
    assert len({len(r) for r in rows if r}) == 1


def check_ics(data: bytes) -> None:
    """A calendar with at least one dated event."""
    events = list(Calendar.from_ical(data).walk("VEVENT"))
    assert events
    assert all(e.get("DTSTART") is not None for e in events)


def check_wav(data: bytes) -> None:
    """A readable WAV file with some audio."""
    with wave.open(io.BytesIO(data)) as wav:
        assert wav.getnframes() > 0


CHECKS = {".png": check_png, ".csv": check_csv, ".ics": check_ics, ".wav": check_wav}


def download_all(page, found: dict[str, list[str]], content) -> None:
    """Open every expander and tab, click every visible download button and check each file."""
    for summary in page.locator("[data-testid=stExpander] summary").all():
        if summary.is_visible():
            summary.click()
    wait_for_app(page)
    tabs = page.locator("[role=tab]:visible")
    for tab in range(max(1, tabs.count())):
        if tabs.count():
            tabs.nth(tab).click()
            wait_for_app(page)
        download_visible(page, found, content)


def download_visible(page, found: dict[str, list[str]], content) -> None:
    """Click every visible download button and check each file."""
    for index in range(page.locator(BUTTONS).count()):
        button = page.locator(BUTTONS).nth(index)
        with page.expect_download(timeout=60_000) as info:
            button.click()
        download = info.value
        data = Path(download.path()).read_bytes()
        suffix = Path(download.suggested_filename).suffix.lower()
        assert data, download.suggested_filename
        if suffix == ".pdf":
            check_pdf(data, content)
        elif suffix in CHECKS:
            CHECKS[suffix](data)
        found.setdefault(suffix, []).append(download.suggested_filename)
        wait_for_app(page)


def test_every_download_is_valid(browser, server, content) -> None:
    """Each file offered on any page, the checker result and clinician mode is a valid file of its kind."""
    found: dict[str, list[str]] = {}
    for path in PATHS.values():
        page = open_page(browser, f"{server.url}/{path}", DESKTOP)
        download_all(page, found, content)
        page.close()
    page = open_page(browser, f"{server.url}/checker", DESKTOP)
    page.locator(".st-key-checker-continue button").click()
    wait_for_app(page)
    for _ in range(15):
        if page.locator(".st-key-checker-restart").count():
            break
        page.locator(".st-key-checker-next button").click()
        wait_for_app(page)
    download_all(page, found, content)
    page.close()
    page = open_page(browser, f"{server.url}/checker?mode=clinician", DESKTOP)
    download_all(page, found, content)
    page.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "downloads.json").write_text(json.dumps(found, indent=2), encoding="utf-8")
    assert {".pdf", ".png", ".csv", ".ics"} <= set(found), found
