"""The reading pages in a real browser: deep links render, fit a phone, and the story chart draws."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import DESKTOP, PHONE, horizontal_overflow, open_page, screenshot, wait_for_app

PAGES = {
    "guides-index": "guides",
    "guides-condition": "guides?condition=pfps",
    "guides-overview": "guides?guide=know_the_cause",
    "guides-treatments": "guides?guide=treatments",
    "guides-bad-id": "guides?condition=nope",
    "stories-list": "stories?condition=itbs",
    "stories-diary": "stories?story=maya_kneecap_diary",
    "help-professionals": "help",
}


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize(("width", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_reading_page_fits(browser, server, name: str, width: str, viewport) -> None:
    """Each reading view renders without an exception box and never scrolls sideways."""
    page = open_page(browser, f"{server.url}/{PAGES[name]}", viewport)
    assert page.locator("h1").count() >= 1
    assert page.locator("[data-testid=stException]").count() == 0
    assert horizontal_overflow(page) <= 1
    screenshot(page, f"{name}-{width}")
    page.close()


def test_story_chart_draws(browser, server) -> None:
    """The pain-over-time chart renders as a Vega canvas or SVG on a story page."""
    page = open_page(browser, f"{server.url}/stories?story=tom_itb")
    page.wait_for_selector(
        "[data-testid=stVegaLiteChart] canvas, [data-testid=stVegaLiteChart] svg", timeout=20_000
    )
    page.close()


def test_search_then_open_result(browser, server) -> None:
    """Typing a search on the guides page and clicking the first result opens that condition page."""
    page = open_page(browser, f"{server.url}/guides")
    box = page.locator(".st-key-guides-query input")
    box.fill("IT band")
    box.press("Enter")
    wait_for_app(page)
    result = page.get_by_role("link", name="Iliotibial band syndrome (ITB syndrome) · Condition")
    result.wait_for(timeout=20_000)
    result.click()
    wait_for_app(page)
    page.wait_for_selector("h2:has-text('Iliotibial band syndrome')", timeout=30_000)
    page.close()
