"""The form page in a real browser: fits a phone, answers rank, the calculator and metronome work."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import DESKTOP, PHONE, horizontal_overflow, open_page, screenshot, wait_for_app


def test_form_page_fits_phone_and_ranks_answers(browser, server) -> None:
    """At 390 px nothing scrolls sideways; two answers show ranked, and the plan downloads as a PDF."""
    page = open_page(browser, f"{server.url}/form?condition=pfps", PHONE)
    assert page.locator("[data-testid=stException]").count() == 0
    assert horizontal_overflow(page) <= 1
    screenshot(page, "form-checklist-phone")
    page.get_by_text("All at once").click()
    wait_for_app(page)
    page.locator(".st-key-form-answer-pelvic_drop").get_by_text("Yes, one side clearly drops").click()
    wait_for_app(page)
    page.locator(".st-key-form-answer-overstriding").get_by_text("Yes, my foot reaches out in front").click()
    wait_for_app(page)
    assert page.get_by_text("1. Overstriding").count() >= 1
    with page.expect_download() as download:
        page.get_by_text("Download the plan (PDF)").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    assert horizontal_overflow(page) <= 1
    screenshot(page, "form-phone-answered")
    page.close()


def test_cadence_and_metronome_tabs(browser, server) -> None:
    """The step-rate tab shows the rate from a count; the metronome tab has a player and a download."""
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = open_page(browser, f"{server.url}/form", viewport)
        page.get_by_role("tab", name="Step rate").click()  # a tab is drawn when opened: a rerun
        wait_for_app(page)
        steps = page.locator(".st-key-form-steps input")
        steps.fill("82")
        steps.press("Enter")
        wait_for_app(page)
        assert page.get_by_text("164 steps/min").count() >= 1
        assert horizontal_overflow(page) <= 1
        screenshot(page, f"form-cadence-{name}")
        page.get_by_role("tab", name="Metronome").click()  # a tab is drawn when opened: wait for it
        page.locator("audio").wait_for(state="attached")
        wait_for_app(page)
        assert page.locator("audio").count() == 1
        assert page.get_by_text("Download the track (WAV)").count() == 1
        assert horizontal_overflow(page) <= 1
        screenshot(page, f"form-metronome-{name}")
        page.close()
