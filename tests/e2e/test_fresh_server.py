"""The folder trap on a real server: the very first request is a deep link."""

from __future__ import annotations

from tests.e2e.conftest import Server, open_page


def test_first_request_deep_link_runs_inside_the_app(browser) -> None:
    """On a fresh server, /ramp?weeks_off=6 shows the ramp page within the app's navigation."""
    srv = Server()
    try:
        page = open_page(browser, f"{srv.url}/ramp?weeks_off=6")
        assert page.locator("h1").first.inner_text().endswith("Return-to-running plan")
        assert "weeks_off=6" in page.url
        # the app's own navigation, not one built from file names ("ui", "not found" ...)
        nav = page.locator("[data-testid=stSidebarNav], header").first.inner_text()
        assert "not_found" not in nav.lower()
        assert "Ui" not in nav
        assert page.title() == "Knee Compass" or "Knee Compass" in page.title()
        page.close()
    finally:
        srv.stop()
