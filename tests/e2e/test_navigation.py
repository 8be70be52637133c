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


def href(page: Page) -> str:
    """The address bar now (``page.url`` can lag behind Streamlit's ``pushState``)."""
    return str(page.evaluate("document.location.href"))


def test_links_within_a_page_update_the_address_bar_and_back_works(browser, server, content) -> None:
    """A condition opened from the guides index shows in the address bar; Back returns to the index."""
    condition = content.library.conditions[0]
    page = open_page(browser, f"{server.url}/guides", DESKTOP)
    index_title = page.locator("h2").first.inner_text()
    page.locator(f"[data-testid=stPageLink] a[href='guides?condition={condition.id}']").first.click()
    page.wait_for_function(f"() => document.location.search === '?condition={condition.id}'")
    wait_for_app(page)
    assert page.locator("h2").first.inner_text() == condition.title
    page.go_back()
    page.wait_for_function("() => document.location.search === ''")
    wait_for_app(page)
    assert page.locator("h2").first.inner_text() == index_title
    assert href(page).endswith("/guides")
    page.close()


def test_a_link_back_to_the_bare_page_clears_the_query(browser, server) -> None:
    """The "all guides" link on a guide takes ``?guide=`` out of the address bar."""
    page = open_page(browser, f"{server.url}/guides?guide=know_the_cause", DESKTOP)
    page.locator("[data-testid=stPageLink] a[href='guides']").first.click()
    page.wait_for_function("() => document.location.search === ''")
    wait_for_app(page)
    assert "?" not in href(page)
    page.close()
