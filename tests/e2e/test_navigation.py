"""Every page survives leaving it and coming back through the app's own navigation (no reload)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from pages.ui.routing import PAGE_FILES
from tests.e2e.conftest import DESKTOP, open_page, wait_for_app

PATHS = {
    slug: name.removesuffix(".py") for slug, name in PAGE_FILES.items() if slug not in ("home", "not_found")
}


def go_via_navigation(page: Page, path: str) -> None:
    """Click through the top navigation to ``/path`` ("" for home), as a user would."""
    if path == "":
        page.locator("[data-testid=stTopNavLink]").first.click()
    else:
        target = page.locator(f"[data-testid=stTopNavDropdownLink][href$='/{path}']")
        sections = page.locator("[data-testid=stTopNavSection]")
        for index in range(sections.count()):
            sections.nth(index).click()
            if target.count() and target.first.is_visible():
                target.first.click()
                break
            page.keyboard.press("Escape")
        else:
            page.locator(f"[data-testid=stTopNavLink][href$='/{path}']").first.click()
    page.wait_for_url(f"**/{path}" if path else "**/")
    wait_for_app(page)


@pytest.mark.parametrize("slug", list(PATHS))
def test_page_survives_leaving_and_coming_back(browser, server, slug: str) -> None:
    """Open a page, go home and back twice through the navigation: its title each time, never an error."""
    path = PATHS[slug]
    page = open_page(browser, f"{server.url}/{path}", DESKTOP)
    title = page.locator("h1").first.inner_text()
    for _ in range(2):
        go_via_navigation(page, "")
        go_via_navigation(page, path)
        assert page.locator("[data-testid=stException]").count() == 0, f"/{path} fails after a round trip"
        assert page.locator("h1").first.inner_text() == title
    page.close()
