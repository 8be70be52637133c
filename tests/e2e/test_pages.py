"""Every page in a real browser at phone and desktop widths: renders, fits, screenshot."""

from __future__ import annotations

import pytest

from pages.ui.routing import PAGE_FILES
from tests.e2e.conftest import DESKTOP, PHONE, horizontal_overflow, open_page, screenshot

PATHS = {slug: ("" if slug == "home" else name.removesuffix(".py")) for slug, name in PAGE_FILES.items()}


@pytest.mark.parametrize("slug", list(PAGE_FILES))
@pytest.mark.parametrize(("width", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_page_fits_and_has_no_error(browser, server, slug: str, width: str, viewport) -> None:
    """The page shows its title, no exception box, and nothing scrolls sideways."""
    page = open_page(browser, f"{server.url}/{PATHS[slug]}", viewport)
    assert page.locator("h1").count() >= 1
    assert page.locator("[data-testid=stException]").count() == 0
    assert horizontal_overflow(page) <= 1
    screenshot(page, f"{slug}-{width}")
    page.close()


def test_unknown_path_shows_friendly_page(browser, server) -> None:
    """A wrong address shows our not-found page with links, not Streamlit's error dialog."""
    page = open_page(browser, f"{server.url}/no-such-page")
    assert page.locator("h1").first.inner_text().endswith("Page not found")
    assert page.get_by_text("You have requested page").count() == 0
    assert page.locator("[data-testid=stPageLink]").count() >= 8
    page.close()


def test_home_card_opens_checker(browser, server) -> None:
    """Clicking the checker card on home opens the checker page."""
    page = open_page(browser, server.url)
    page.get_by_text("What is wrong with my knee?").click()
    page.wait_for_url("**/checker")
    page.wait_for_selector("h1:has-text('Symptom checker')")
    page.close()
