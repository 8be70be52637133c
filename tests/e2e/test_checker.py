"""The checker in a real browser: screen, knee-map click, steps, result and the PDF download."""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from tests.e2e.conftest import (
    DESKTOP,
    PHONE,
    Server,
    horizontal_overflow,
    open_page,
    screenshot,
    wait_for_app,
)


def click_button(page: Page, name: str) -> None:
    page.get_by_role("button", name=name).first.click()
    wait_for_app(page)


Y_LOW, Y_HIGH = -8, 106
"""The knee map's y scale (pages/ui/checker.py)."""


def click_map(page: Page, x: float, y: float) -> None:
    """Click the knee map at chart units (x 0-300 across three views, y from the bottom)."""
    chart = page.locator(".st-key-checker-map [data-testid=stVegaLiteChart] svg").first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    assert box is not None
    up = (y - Y_LOW) / (Y_HIGH - Y_LOW)
    page.mouse.click(box["x"] + box["width"] * x / 300, box["y"] + box["height"] * (1 - up))
    wait_for_app(page)
    page.wait_for_timeout(500)
    wait_for_app(page)


def test_journey_with_knee_map_and_pdf(browser: Browser, server: Server) -> None:
    """Tap the outer side on the map, answer a few steps, see the result and download the PDF."""
    page = open_page(browser, f"{server.url}/checker", PHONE)
    screenshot(page, "checker-screen-phone")
    assert horizontal_overflow(page) == 0
    click_button(page, "Continue to the questions")
    click_map(page, 82, 52)  # front view, outer side
    assert "Outer side of the knee" in page.locator(".st-key-checker-location").inner_text()
    chart = page.locator(".st-key-checker-map [data-testid=stVegaLiteChart]").first
    assert "✓ Outer" in chart.inner_html()  # the tapped spot is lit on the fresh map
    click_map(page, 250, 70)  # back view, centre: a second tap adds the back
    assert "Back of the knee" in page.locator(".st-key-checker-location").inner_text()
    screenshot(page, "checker-map-phone")
    assert horizontal_overflow(page) == 0
    click_map(page, 218, 52)  # back view, outer side: tapping a lit spot switches it off
    assert "Outer side of the knee" not in page.locator(".st-key-checker-location").inner_text()
    click_map(page, 82, 52)  # and on again, for the ITB journey below
    click_button(page, "Next ➡️")
    page.locator(".st-key-checker-onset").get_by_text("Gradually, over days or weeks").click()
    wait_for_app(page)
    for _ in range(3):
        click_button(page, "Next ➡️")
    click_button(page, "See my result ➡️")
    page.get_by_text("Your result").first.wait_for()
    assert page.get_by_text("Outer-knee pain (iliotibial band syndrome)").count() >= 1
    assert page.get_by_text("Can I keep running?").count() == 1
    screenshot(page, "checker-result-phone")
    assert horizontal_overflow(page) == 0
    with page.expect_download() as info:
        page.locator(".st-key-checker-download_pdf button").click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"
    page.close()


def test_clinician_mode_fits_on_desktop(browser: Browser, server: Server) -> None:
    """Clinician mode opens from the URL and shows every question without sideways scrolling."""
    page = open_page(browser, f"{server.url}/checker?mode=clinician", DESKTOP)
    assert page.get_by_text("Ottawa Knee Rules").count() >= 1
    assert horizontal_overflow(page) == 0
    screenshot(page, "checker-clinician-desktop")
    page.close()


def test_clinician_mode_next_patient_clears_everything(browser: Browser, server: Server) -> None:
    """In clinician mode a deformity gives the emergency banner; Next patient clears answers and result."""
    page = open_page(browser, f"{server.url}/checker?mode=clinician", DESKTOP)
    page.locator(".st-key-checker-deformity").get_by_text("Yes", exact=True).click()
    click_button(page, "Assess")
    assert page.get_by_text("Emergency: go now").count() >= 1
    click_button(page, "🧹 Next patient")
    assert page.get_by_text("Emergency: go now").count() == 0
    checked = page.locator(".st-key-checker-deformity input[type=radio]:checked")
    assert checked.count() == 0
    page.close()
