"""The exercises page in a real browser: a filter link reopens the same view, search goes into
the URL, the detail view and its ladder chart draw, and nothing scrolls sideways on a phone."""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlparse

from pypdf import PdfReader

from tests.e2e.conftest import DESKTOP, PHONE, horizontal_overflow, open_page, screenshot, wait_for_app


def count_text(page) -> str:
    """The 'N of M exercises' caption."""
    return page.get_by_text(re.compile(r"^\d+ of \d+ exercises$")).first.inner_text()


def test_filter_link_reopens_the_same_view(browser, server) -> None:
    """Opening a filtered link shows the filter chips and the same count as a second visit."""
    url = f"{server.url}/exercises?condition=itbs&level=1-3"
    first = open_page(browser, url, PHONE)
    assert first.get_by_text("Iliotibial band syndrome").count() >= 1
    shown = count_text(first)
    assert horizontal_overflow(first) <= 1
    screenshot(first, "exercises-filtered-phone")
    second = open_page(browser, url, DESKTOP)
    assert count_text(second) == shown
    assert "condition=itbs" in second.url
    first.close()
    second.close()


def test_search_goes_into_the_url_and_back(browser, server) -> None:
    """Typing a search updates the address; opening that address shows the same results."""
    page = open_page(browser, f"{server.url}/exercises", DESKTOP)
    box = page.get_by_label("Search by name, another name or a cue")
    box.fill("bridge")
    box.press("Enter")
    page.wait_for_url(re.compile(r"q=bridge"))
    wait_for_app(page)
    shown = count_text(page)
    again = open_page(browser, page.url, PHONE)
    assert count_text(again) == shown
    assert again.get_by_label("Search by name, another name or a cue").input_value() == "bridge"
    page.close()
    again.close()


def test_detail_view_draws_picture_and_ladder(browser, server) -> None:
    """A detail link shows the figure, the steps and the ladder chart, fitting a phone."""
    page = open_page(browser, f"{server.url}/exercises?exercise=single_leg_bridge", PHONE)
    page.wait_for_selector("[data-testid=stVegaLiteChart]", timeout=20_000)
    assert page.get_by_role("heading", name="Single-leg bridge").count() == 1
    assert page.locator("[data-testid=stImage] img").count() >= 1
    assert horizontal_overflow(page) <= 1
    screenshot(page, "exercises-detail-phone")
    page.close()


def test_clicking_the_ladder_opens_that_exercise(browser, server) -> None:
    """A click on another exercise in the progression ladder opens its detail view."""
    page = open_page(browser, f"{server.url}/exercises?exercise=glute_bridge", DESKTOP)
    chart = page.locator("[data-testid=stVegaLiteChart]")
    label = chart.locator("g.mark-text text", has_text="Single-leg bridge").first
    label.scroll_into_view_if_needed()
    box = label.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] - 11, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r"exercise=single_leg_bridge"))
    wait_for_app(page)
    page.wait_for_selector("h2:has-text('Single-leg bridge')")
    page.close()


def test_handout_downloads_as_a_one_page_pdf(browser, server, tmp_path) -> None:
    """From a starter-routine link, the handout button downloads a one-page PDF naming its exercises."""
    page = open_page(browser, f"{server.url}/exercises?routine=hips_first", DESKTOP)
    page.get_by_role("tab", name=re.compile("My routine")).click()  # the link opened it already
    wait_for_app(page)
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name=re.compile("Download the handout")).click()
    path = tmp_path / "handout.pdf"
    info.value.save_as(path)
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for name in ("Clamshell", "Glute bridge", "Hip hike"):
        assert name in text
    page.close()


def test_condition_link_shows_what_to_leave_out_above_the_filters_on_a_phone(browser, server) -> None:
    """?condition=patellar_tendinopathy shows the leave-out list above the filters, fitting a phone."""
    page = open_page(browser, f"{server.url}/exercises?condition=patellar_tendinopathy", PHONE)
    box = page.locator(".st-key-exercises-leave_out-patellar_tendinopathy")
    box.wait_for(timeout=20_000)
    assert "Single-leg decline squat" in box.inner_text()
    assert "Pogo hops" in box.inner_text()
    filters = page.locator("[data-testid=stExpander]").first
    assert box.bounding_box()["y"] < filters.bounding_box()["y"]
    assert horizontal_overflow(page) <= 1
    page.close()


def test_details_link_opens_the_exercise_and_back_keeps_the_list(browser, server, content) -> None:
    """A card's Details link opens its exercise in place; Back returns to the same filtered list."""
    page = open_page(browser, f"{server.url}/exercises?condition=itbs", PHONE)
    shown = count_text(page)
    link = page.get_by_role("link", name=content.exercises.page.labels["view_details"]).first
    query = parse_qs(urlparse(link.get_attribute("href") or "").query)
    assert query["condition"] == ["itbs"]
    name = content.exercises.exercise(query["exercise"][0]).name
    link.click()
    page.wait_for_url(re.compile(r"exercise="))
    wait_for_app(page)
    assert page.get_by_role("heading", name=name).count() == 1
    assert "condition=itbs" in page.url
    page.get_by_role("button", name=content.exercises.page.labels["back"]).click()
    page.wait_for_url(lambda url: "exercise=" not in url)
    wait_for_app(page)
    assert "condition=itbs" in page.url
    assert count_text(page) == shown
    page.close()
