"""Keyboard alone: home's links, the navigation and the whole checker work with Tab, arrows and Enter."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.e2e.conftest import DESKTOP, PHONE, open_page, wait_for_app
from tests.e2e.test_a11y import BLOCKING, run_axe, summary, upstream

FOCUSED = "() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 200) : ''; }"


def tab_to(page: Page, predicate: str, limit: int = 120) -> bool:
    """Press Tab until ``predicate`` (a JS function of the focused element) holds; False if never."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!e && ({predicate})(e); }}"):
            return True
    return False


def in_key(key: str) -> str:
    """Predicate: the focused element sits in the widget with Streamlit key ``key``."""
    css = "st-key-" + key.replace(".", "-")
    return f"e => !!e.closest('.{css}')"


def test_home_links_open_with_the_keyboard(browser, server) -> None:
    """Every home card is reached with Tab, and Enter on the checker card opens the checker."""
    page = open_page(browser, server.url, PHONE)
    seen: list[str] = []
    for _ in range(80):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "() => { const e = document.activeElement;"
            " return e && e.dataset.testid === 'stPageLink-NavLink' ? e.getAttribute('href') : null; }"
        )
        if href:
            seen.append(href.rsplit("/", 1)[-1])
        if href and href.endswith("checker"):
            break
    assert "checker" in seen
    page.keyboard.press("Enter")
    page.wait_for_url("**/checker")
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().endswith("Symptom checker")
    page.close()


def test_top_navigation_works_with_the_keyboard(browser, server) -> None:
    """On a desktop, Tab to a navigation section, open it with Enter, pick a page with arrows and Enter."""
    page = open_page(browser, server.url, DESKTOP)
    assert tab_to(page, "e => e.dataset.testid === 'stTopNavSection' && e.innerText.includes('Read')", 20)
    page.keyboard.press("Enter")
    for _ in range(10):
        page.keyboard.press("ArrowDown")
        href = page.evaluate("() => document.activeElement.getAttribute('href') || ''")
        if href.endswith("/guides"):
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/guides")
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().endswith("Guides")
    page.close()


def test_phone_navigation_works_with_the_keyboard(browser, server) -> None:
    """On a phone, the navigation links are reached with Tab and followed with Enter."""
    page = open_page(browser, server.url, PHONE)
    assert tab_to(page, "e => (e.getAttribute('href') || '').endsWith('/help')", 30)
    page.keyboard.press("Enter")
    page.wait_for_url("**/help")
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().endswith("Getting help")
    page.close()


def test_checker_can_be_completed_with_the_keyboard(browser, server) -> None:
    """From the red-flag screen to the result with keys only; the knee map has its list twin; axe passes."""
    page = open_page(browser, f"{server.url}/checker", PHONE)
    problems: list[str] = []
    assert tab_to(page, in_key("checker.continue")), "the Continue button is not reachable with Tab"
    page.keyboard.press("Enter")
    wait_for_app(page)
    saw_map = False
    for _ in range(15):  # each step: answer with the keyboard where there is a list, then Next
        if page.locator(".st-key-checker-restart").count():
            break
        if page.locator(".st-key-checker-location").count():
            saw_map = True
            chart = page.locator("[data-testid=stVegaLiteChart], [data-testid=stArrowVegaLiteChart]")
            chart.first.wait_for(timeout=15_000)  # the clickable map, with the list below as its twin
            assert tab_to(page, "e => !!e.closest('.st-key-checker-location') && e.tagName === 'INPUT'")
            page.keyboard.press("ArrowDown")
            page.keyboard.press("Enter")
            page.keyboard.press("Escape")
            wait_for_app(page)
            chosen = page.locator(".st-key-checker-location [data-tag]").count()
            assert chosen >= 1, "a knee spot could not be chosen from the list with the keyboard"
        problems += [summary([v]) for v in run_axe(page) if v["impact"] in BLOCKING and not upstream(v)]
        assert tab_to(page, in_key("checker.next")), "the Next button is not reachable with Tab"
        page.keyboard.press("Enter")
        wait_for_app(page)
    assert saw_map, "no step asked where the knee hurts"
    assert page.locator(".st-key-checker-restart").count() == 1, "the result was not reached"
    assert page.locator("[data-testid=stException]").count() == 0
    problems += [summary([v]) for v in run_axe(page) if v["impact"] in BLOCKING and not upstream(v)]
    assert problems == []
    page.close()
